import type { AnyCommand } from '../define-command.js';

/** The ML-systems calculators: kvcache, moe, chinchilla, parallel, specdec. */
export const calculatorCommands: readonly AnyCommand[] = [];
