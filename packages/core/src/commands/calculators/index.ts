import type { AnyCommand } from '../define-command.js';
import { chinchillaCommand } from './chinchilla.js';
import { parallelCommand } from './parallel.js';
import { specdecCommand } from './specdec.js';

/** The ML-systems calculators: kvcache, moe, chinchilla, parallel, specdec. */
export const calculatorCommands: readonly AnyCommand[] = [chinchillaCommand, parallelCommand, specdecCommand];
