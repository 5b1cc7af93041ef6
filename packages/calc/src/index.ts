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
  table3Segment,
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
export type { Gpu, StatedMemory } from './gpus/gpu.js';
export { GPUS } from './gpus/gpu-table.js';
export { findGpu, parseGpu } from './gpus/parse-gpu.js';
export { type GpuFit, gpuFit } from './kvcache/gpu-fit.js';
export {
  type KvCacheInput,
  type KvCacheResult,
  type KvComparison,
  type KvGroupBytes,
  kvBytesAt,
  kvCache,
} from './kvcache/kv-cache.js';
export { type KvGroup, kvHeadsPerGpu, kvLayout } from './kvcache/kv-layout.js';
export type {
  AppliedDefault,
  Architecture,
  AttentionSpec,
  LayerAttention,
  LayerSpec,
  MambaSpec,
  MlaSpec,
  MlpSpec,
  MoeSpec,
  NormSpec,
} from './model/architecture.js';
export { asConfigObject, FIELD_CAPS, type RawConfig } from './model/config-fields.js';
export { detectModelType, KNOWN_MODEL_TYPES, readConfig } from './model/read-config.js';
export {
  type ActivationDims,
  activationBytesPerLayer,
  chunksInFlight,
  edgeActivationBytes,
  type Recompute,
  recomputeWorkingBytes,
} from './parallel/activations.js';
export { type ClusterSpec, DEFAULT_NETWORK_GBITS } from './parallel/cluster.js';
export { type ExplainInput, explainLayout } from './parallel/explain.js';
export { shapeFromArchitecture } from './parallel/from-architecture.js';
export { gptParams, megatronFlopsPerIteration } from './parallel/gpt-formulas.js';
export {
  type Candidate,
  createEvaluation,
  createPlanContext,
  type Evaluation,
  evaluateInto,
  type PlanContext,
} from './parallel/layout.js';
export {
  type BytesPerParam,
  gradientBytes,
  type ModelStateBytes,
  modelStateBytes,
  type ZeroStage,
} from './parallel/model-states.js';
export { bubbleFraction } from './parallel/pipeline.js';
export {
  DEFAULT_BATCH_TOKENS,
  defaultGlobalBatch,
  type FixedChoices,
  type Layout,
  MAX_SEARCHED_INTERLEAVE,
  type ParallelInput,
  type ParallelPlan,
  planParallel,
  toLayout,
} from './parallel/planner.js';
export {
  assertShape,
  DEFAULT_VOCAB,
  embeddingParams,
  layerParams,
  type ShapeHints,
  shapeFromParams,
  type TransformerShape,
} from './parallel/shape.js';
export { describeLayout, rankingReason, suggestWhenNothingFits } from './parallel/suggest.js';
export { countParams, type ParamComponent, type ParamCount, type ParamRow } from './params/count-params.js';
export { architectureOf } from './registry/architecture-of.js';
export type { ModelEntry } from './registry/model-entry.js';
export {
  AMBIGUOUS_NAMES,
  findModel,
  MODELS,
  modelById,
  modelKey,
  modelNames,
  type ResolvedModel,
  resolveModel,
  searchModels,
} from './registry/registry.js';
export {
  expectedTokensPerStep,
  optimalGamma,
  type SpecdecInput,
  type SpecdecResult,
  specdec,
  specdecSpeedup,
} from './specdec/specdec.js';
export { MAX_BYTES, parseBytes } from './units/parse-bytes.js';
export { isTokensWord, MAX_CONTEXT_TOKENS, parseContextLength } from './units/parse-context-length.js';
export { type CountRule, parseCount } from './units/parse-count.js';
export { DTYPE_BYTES, type Dtype, type DtypeId, dtypeOf, parseDtype } from './units/parse-dtype.js';
export {
  type FractionRule,
  NUMBER_CAP,
  type NumberRule,
  parseFraction,
  parseNumber,
  parsePositiveInt,
} from './units/parse-number.js';
export type { WorkStep } from './work/work-step.js';
