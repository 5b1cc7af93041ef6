// Used only when the kernels package runs from its TypeScript sources (tests): `node --import
// ./source-register.mjs` installs hooks that compile .ts files on load, so the child process can
// run `child-main.ts` the way vitest runs the parent. Built packages never load this file.
import { register } from 'node:module';

register('./source-hooks.mjs', import.meta.url);
