/**
 * @module @mlsys/calc
 * Pure ML-systems calculators (KV cache, parameters and MoE, Chinchilla, 3D parallelism, speculative
 * decoding), the model registry and the Hugging Face `config.json` reader. No I/O, no environment.
 */

export {
  type ChinchillaCluster,
  type ChinchillaInput,
  type ChinchillaMethod,
  type ChinchillaResult,
  chinchilla,
  fitOf,
} from './chinchilla/chinchilla.js';
export { type IsoFlopCurve, isoFlopCurves } from './chinchilla/iso-flop.js';
export {
  EPOCH_FIT,
  HOFFMANN_FIT,
  optimumConstant,
  optimumForCompute,
  optimumForParams,
  predictLoss,
  type ScalingFit,
} from './chinchilla/scaling-fit.js';
export {
  CHINCHILLA_TABLE3,
  type Table3Row,
  table3ForCompute,
  table3ForParams,
} from './chinchilla/table3.js';
export { trainingSteps } from './chinchilla/training-time.js';
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
export {
  expectedTokensPerStep,
  optimalGamma,
  type SpecdecInput,
  type SpecdecResult,
  specdec,
  specdecSpeedup,
} from './specdec/specdec.js';
export type { WorkStep } from './work/work-step.js';
