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
export { createRandom, randomNormalArray } from './random.js';
