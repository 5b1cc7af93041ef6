// Lets a forked child run the store's TypeScript sources the way vitest runs the parent:
// `node --conditions=@mlsys/source --import ./source-register.mjs child.ts`. Tests only.
import { register } from 'node:module';

register('./source-hooks.mjs', import.meta.url);
