/**
 * @module @mlsys/kernels/pure
 * Everything about the kernels that does not load onnxruntime: kernel definitions and their registry,
 * the plain-TypeScript references, the ONNX graph builder and the helpers. `core` and `corpus`
 * import only this entry point.
 */

export {
  type Agreement,
  compareValues,
  elementCount,
  hostTensor,
  toNumbers,
} from './host-tensor.js';
export {
  type AnyKernelDefinition,
  type BenchSize,
  defineKernel,
  type HostTensor,
  isUnavailable,
  type KernelDefinition,
  type KernelGraph,
  type KernelImplementation,
  type KernelInputs,
  type KernelParam,
  type KernelRandom,
  type KernelUnavailable,
  type KernelVariant,
  type MemoryNote,
  type Tolerance,
  toKernelGraph,
} from './kernel-definition.js';
export {
  parseBooleanParam,
  parseChoiceParam,
  parseIntegerParam,
  parseNumberListParam,
  parseNumberParam,
  type Range,
  requireArg,
} from './kernel-params.js';
export { findKernel, kernelRegistry, withDefaults } from './kernel-registry.js';
export {
  applyBpeMerges,
  type BpeStep,
  learnBpeMerges,
  type MergePair,
  mergePair,
} from './kernels/bpe/bpe.js';
export { kmeansKernel } from './kernels/kmeans/kmeans-kernel.js';
export { inertia, type KmeansStep, kmeansStep } from './kernels/kmeans/kmeans-reference.js';
export { layernormKernel } from './kernels/norm/layernorm-kernel.js';
export { layerNormRows, rmsNormRows } from './kernels/norm/norm-reference.js';
export { rmsnormKernel } from './kernels/norm/rmsnorm-kernel.js';
export { ropeKernel } from './kernels/rope/rope-kernel.js';
export { applyRope, type RopeStyle, ropeFrequencies, ropePair } from './kernels/rope/rope-reference.js';
export { sampleKernel } from './kernels/sampling/sample-kernel.js';
export {
  type FilteredRow,
  filterRow,
  rankDescending,
  type SamplingSettings,
  sampleFromFiltered,
} from './kernels/sampling/sampling-reference.js';
export { topkKernel } from './kernels/sampling/topk-kernel.js';
export { toppKernel } from './kernels/sampling/topp-kernel.js';
export { softmaxKernel } from './kernels/softmax/softmax-kernel.js';
export { softmaxRows, softmaxWithTemperature } from './kernels/softmax/softmax-reference.js';
export { swigluKernel } from './kernels/swiglu/swiglu-kernel.js';
export { silu, swigluReference } from './kernels/swiglu/swiglu-reference.js';
export { BYTES_PER_ELEMENT, ONNX_DATA_TYPE, type TensorData, type TensorDtype } from './onnx/data-type.js';
export { fromFloat16Bits, toFloat16Bits } from './onnx/float16.js';
export {
  type AttributeInput,
  attr,
  createGraphBuilder,
  type GraphBuilder,
  type GraphBuilderOptions,
  type NodeOptions,
} from './onnx/graph-builder.js';
export {
  type AttributeValue,
  type Dim,
  encodeModel,
  type GraphValue,
  type ModelValue,
  type NodeValue,
  type TensorValue,
  type ValueInfo,
} from './onnx/onnx-proto.js';
export { ProtobufWriter } from './onnx/protobuf-writer.js';
export { generateKernelQuestion, kernelQuestionGenerators } from './questions/kernel-questions.js';
export type { KernelQuestionGenerator } from './questions/question-generator.js';
export { createRandom, randomNormalArray } from './random.js';
