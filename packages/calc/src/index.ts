/**
 * @module @mlsys/calc
 * Pure ML-systems calculators (KV cache, parameters and MoE, Chinchilla, 3D parallelism, speculative
 * decoding), the model registry and the Hugging Face `config.json` reader. No I/O, no environment.
 */
export {
  formatBinaryBytes,
  formatCount,
  formatDecimalBytes,
  formatInt,
  formatScientific,
  formatSig,
  GB,
  GIB,
  KIB,
  MIB,
} from './format/format-number.js';
export type { WorkStep } from './work/work-step.js';
