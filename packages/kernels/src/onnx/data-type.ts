/**
 * Element types of tensors, by the names onnxruntime-node uses (`Tensor.type`), with their ONNX
 * `TensorProto.DataType` numbers (onnx/onnx.proto, enum `DataType`).
 *
 * @module
 */

/** Element types the kernels use. bfloat16 is left out: onnxruntime-node cannot feed or fetch it. */
export type TensorDtype = 'float32' | 'float16' | 'float64' | 'int64' | 'int32' | 'int8' | 'uint8' | 'bool';

/** `TensorProto.DataType` of each dtype (onnx.proto: FLOAT=1, UINT8=2, INT8=3, INT32=6, INT64=7, BOOL=9, FLOAT16=10, DOUBLE=11). */
export const ONNX_DATA_TYPE: Readonly<Record<TensorDtype, number>> = {
  float32: 1,
  uint8: 2,
  int8: 3,
  int32: 6,
  int64: 7,
  bool: 9,
  float16: 10,
  float64: 11,
};

/** Bytes per element of each dtype. */
export const BYTES_PER_ELEMENT: Readonly<Record<TensorDtype, number>> = {
  float32: 4,
  uint8: 1,
  int8: 1,
  int32: 4,
  int64: 8,
  bool: 1,
  float16: 2,
  float64: 8,
};

/**
 * The typed array that holds each dtype in onnxruntime-node: int64 is `BigInt64Array`, float16 is
 * raw bits in a `Uint16Array` (Node 20 has no `Float16Array`), bool is one byte per element.
 */
export interface TypedArrayOf {
  float32: Float32Array;
  float16: Uint16Array;
  float64: Float64Array;
  int64: BigInt64Array;
  int32: Int32Array;
  int8: Int8Array;
  uint8: Uint8Array;
  bool: Uint8Array;
}

/** Any typed array a tensor of some dtype may hold. */
export type TensorData = TypedArrayOf[TensorDtype];
