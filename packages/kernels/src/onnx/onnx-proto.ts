/**
 * Plain-data forms of the ONNX messages we emit and their encoder. Field numbers are those of
 * `onnx/onnx.proto` (ONNX 1.18): ModelProto, GraphProto, NodeProto, AttributeProto, ValueInfoProto,
 * TypeProto.Tensor, TensorShapeProto, TensorProto, OperatorSetIdProto.
 *
 * @see https://github.com/onnx/onnx/blob/main/onnx/onnx.proto
 * @module
 */

import { BYTES_PER_ELEMENT, ONNX_DATA_TYPE, type TensorData, type TensorDtype } from './data-type.js';
import { ProtobufWriter } from './protobuf-writer.js';

/** One dimension: a fixed size, a symbolic name (`"seq"`), or unknown (`null`). */
export type Dim = number | string | null;

/** A graph input or output: name, element type and shape. */
export interface ValueInfo {
  name: string;
  dtype: TensorDtype;
  shape: readonly Dim[];
}

/** A constant tensor stored in the model (an initializer or a tensor attribute). */
export interface TensorValue {
  name: string;
  dtype: TensorDtype;
  dims: readonly number[];
  data: TensorData;
}

/** An attribute value, tagged with its ONNX `AttributeType`. */
export type AttributeValue =
  | { type: 'int'; value: number | bigint }
  | { type: 'float'; value: number }
  | { type: 'string'; value: string }
  | { type: 'ints'; value: readonly (number | bigint)[] }
  | { type: 'floats'; value: readonly number[] }
  | { type: 'tensor'; value: TensorValue }
  | { type: 'graph'; value: GraphValue };

/** One operator application. `domain` is `''` for the default ONNX domain. */
export interface NodeValue {
  opType: string;
  domain: string;
  name: string;
  inputs: readonly string[];
  outputs: readonly string[];
  attributes: Readonly<Record<string, AttributeValue>>;
}

/** A whole graph. */
export interface GraphValue {
  name: string;
  inputs: readonly ValueInfo[];
  outputs: readonly ValueInfo[];
  initializers: readonly TensorValue[];
  nodes: readonly NodeValue[];
}

/** A model: IR version, operator-set imports by domain, and the graph. */
export interface ModelValue {
  irVersion: number;
  /** Domain (`''` = default ONNX domain, `'com.microsoft'`) → operator-set version. */
  opsets: Readonly<Record<string, number>>;
  producerName: string;
  graph: GraphValue;
}

/** `AttributeProto.AttributeType` numbers (onnx.proto): FLOAT=1, INT=2, STRING=3, TENSOR=4, GRAPH=5, FLOATS=6, INTS=7. */
const ATTRIBUTE_TYPE = { float: 1, int: 2, string: 3, tensor: 4, graph: 5, floats: 6, ints: 7 } as const;

/** Encodes a model as the bytes of an `.onnx` file, ready for `InferenceSession.create(bytes)`. */
export function encodeModel(model: ModelValue): Uint8Array {
  const w = new ProtobufWriter();
  w.int(1, model.irVersion); // ModelProto.ir_version
  w.string(2, model.producerName); // ModelProto.producer_name
  w.message(7, (g) => writeGraph(g, model.graph)); // ModelProto.graph
  for (const [domain, version] of Object.entries(model.opsets)) {
    // ModelProto.opset_import → OperatorSetIdProto { domain = 1, version = 2 }
    w.message(8, (o) => o.string(1, domain).int(2, version));
  }
  return w.finish();
}

function writeGraph(w: ProtobufWriter, graph: GraphValue): void {
  for (const node of graph.nodes) w.message(1, (n) => writeNode(n, node)); // GraphProto.node
  w.string(2, graph.name); // GraphProto.name
  for (const tensor of graph.initializers) w.message(5, (t) => writeTensor(t, tensor)); // .initializer
  for (const input of graph.inputs) w.message(11, (v) => writeValueInfo(v, input)); // .input
  for (const output of graph.outputs) w.message(12, (v) => writeValueInfo(v, output)); // .output
}

function writeNode(w: ProtobufWriter, node: NodeValue): void {
  for (const input of node.inputs) w.string(1, input); // NodeProto.input ('' = omitted optional input)
  for (const output of node.outputs) w.string(2, output); // NodeProto.output
  w.string(3, node.name); // NodeProto.name
  w.string(4, node.opType); // NodeProto.op_type
  for (const [name, value] of Object.entries(node.attributes)) {
    w.message(5, (a) => writeAttribute(a, name, value)); // NodeProto.attribute
  }
  if (node.domain !== '') w.string(7, node.domain); // NodeProto.domain
}

function writeAttribute(w: ProtobufWriter, name: string, attribute: AttributeValue): void {
  w.string(1, name); // AttributeProto.name
  w.int(20, ATTRIBUTE_TYPE[attribute.type]); // AttributeProto.type
  switch (attribute.type) {
    case 'float':
      w.float(2, attribute.value); // .f
      break;
    case 'int':
      w.int(3, attribute.value); // .i
      break;
    case 'string':
      w.string(4, attribute.value); // .s
      break;
    case 'tensor':
      w.message(5, (t) => writeTensor(t, attribute.value)); // .t
      break;
    case 'graph':
      w.message(6, (g) => writeGraph(g, attribute.value)); // .g (e.g. the branches of `If`)
      break;
    case 'floats':
      for (const value of attribute.value) w.float(7, value); // .floats (unpacked: proto2 default)
      break;
    case 'ints':
      for (const value of attribute.value) w.int(8, value); // .ints (unpacked: proto2 default)
      break;
  }
}

function writeValueInfo(w: ProtobufWriter, info: ValueInfo): void {
  w.string(1, info.name); // ValueInfoProto.name
  // ValueInfoProto.type (2) → TypeProto.tensor_type (1) → { elem_type = 1, shape = 2 }
  w.message(2, (type) =>
    type.message(1, (tensor) => {
      tensor.int(1, ONNX_DATA_TYPE[info.dtype]);
      tensor.message(2, (shape) => {
        for (const dim of info.shape) {
          // TensorShapeProto.dim (1) → Dimension { dim_value = 1, dim_param = 2 }; unknown = empty.
          shape.message(1, (d) => {
            if (typeof dim === 'number') d.int(1, dim);
            else if (typeof dim === 'string') d.string(2, dim);
          });
        }
      });
    }),
  );
}

function writeTensor(w: ProtobufWriter, tensor: TensorValue): void {
  for (const dim of tensor.dims) w.int(1, dim); // TensorProto.dims
  w.int(2, ONNX_DATA_TYPE[tensor.dtype]); // TensorProto.data_type
  w.string(8, tensor.name); // TensorProto.name
  w.bytesField(9, rawData(tensor)); // TensorProto.raw_data: little-endian element bytes
}

/** The element bytes of a tensor in little-endian order (the order of every platform Node runs on here). */
function rawData(tensor: TensorValue): Uint8Array {
  const count = tensor.dims.reduce((product, dim) => product * dim, 1);
  if (tensor.data.length !== count) {
    throw new RangeError(`Tensor ${tensor.name}: ${tensor.data.length} values for dims [${tensor.dims}].`);
  }
  const bytes = new Uint8Array(tensor.data.buffer, tensor.data.byteOffset, tensor.data.byteLength);
  if (bytes.length !== count * BYTES_PER_ELEMENT[tensor.dtype]) {
    throw new RangeError(`Tensor ${tensor.name}: its typed array does not match dtype ${tensor.dtype}.`);
  }
  return bytes;
}
