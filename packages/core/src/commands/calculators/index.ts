import type { AnyCommand } from '../define-command.js';
import { chinchillaCommand } from './chinchilla.js';
import { kvcacheCommand } from './kvcache.js';
import { modelsCommand } from './models.js';
import { moeCommand } from './moe.js';
import { parallelCommand } from './parallel.js';
import { specdecCommand } from './specdec.js';

/** The ML-systems calculators: kvcache, moe, chinchilla, parallel, specdec. */
export const calculatorCommands: readonly AnyCommand[] = [
  kvcacheCommand,
  moeCommand,
  modelsCommand,
  chinchillaCommand,
  parallelCommand,
  specdecCommand,
];
