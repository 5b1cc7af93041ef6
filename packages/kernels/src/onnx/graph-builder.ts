/**
 * A readable way to write an ONNX graph in TypeScript: declare inputs, constants and nodes in the
 * order a textbook would, get back value names, and encode the model as bytes.
 *
 * @example
 * const g = createGraphBuilder({ name: 'linear' });
 * const x = g.input('x', 'float32', ['batch', 2]);
 * const w = g.constant('w', 'float32', [2, 2], Float32Array.of(1, 2, 3, 4));
 * const y = g.node('MatMul', [x, w]);
 * g.output(g.node('Softmax', [y], { axis: -1 }), 'float32', ['batch', 2]);
 * const bytes = g.build(); // InferenceSession.create(bytes) in onnxruntime-node
 *
 * @module
 */

import type { TensorData, TensorDtype } from './data-type.js';
import { toFloat16Bits } from './float16.js';
import {
  type AttributeValue,
  type Dim,
  encodeModel,
  type GraphValue,
  type NodeValue,
  type TensorValue,
  type ValueInfo,
} from './onnx-proto.js';

/**
 * How an attribute may be written: a whole `number` or a `bigint` is an INT, a `string` a STRING,
 * a `number[]` INTS; floats must be tagged with {@link attr}`.float`/`.floats` so that `scale: 1`
 * can never silently become an integer.
 */
export type AttributeInput = number | bigint | string | readonly number[] | AttributeValue;

/** Tagged attribute values for the types a bare JS value cannot express unambiguously. */
export const attr = {
  /** A FLOAT attribute, e.g. `scale: attr.float(1 / Math.sqrt(64))`. */
  float: (value: number): AttributeValue => ({ type: 'float', value }),
  /** A FLOATS attribute. */
  floats: (value: readonly number[]): AttributeValue => ({ type: 'floats', value }),
  /** An INTS attribute (same as a bare `number[]`; use it for an empty list or int64 `bigint`s). */
  ints: (value: readonly (number | bigint)[]): AttributeValue => ({ type: 'ints', value }),
  /** A TENSOR attribute, e.g. the `value` of a `Constant` node. */
  tensor: (value: TensorValue): AttributeValue => ({ type: 'tensor', value }),
  /** A GRAPH attribute, e.g. `then_branch` of `If`: a subgraph from {@link GraphBuilder.subgraph}. */
  graph: (value: GraphBuilder): AttributeValue => ({ type: 'graph', value: value.toGraph() }),
};

/** Options of {@link createGraphBuilder}. */
export interface GraphBuilderOptions {
  /** Graph name, kept in the model for debugging. */
  name: string;
  /**
   * Default-domain operator set. 23 by default: the first with `Attention`, `RMSNormalization` and
   * `RotaryEmbedding` (onnx/docs/Changelog.md). onnxruntime-node 1.30 accepts up to 26.
   */
  opset?: number;
  /**
   * IR version of the model. 11 by default: the IR version of ONNX 1.18, the release that introduced
   * opset 23 (onnx/docs/Versioning.md). onnxruntime-node 1.30 accepts up to 13.
   */
  irVersion?: number;
}

/** Options of one node. */
export interface NodeOptions {
  /** Operator domain; `'com.microsoft'` for onnxruntime contrib ops (imported at version 1). */
  domain?: string;
  /** Names of the node's outputs; generated (`matmul_3`) when absent. */
  outputs?: readonly string[];
}

/** The builder returned by {@link createGraphBuilder}. */
export interface GraphBuilder {
  /** Declares a graph input and returns its name. A string dimension is symbolic, `null` unknown. */
  input(name: string, dtype: TensorDtype, shape: readonly Dim[]): string;
  /** Adds a constant (a graph initializer) and returns its name. `number[]` data is converted to `dtype`. */
  constant(
    name: string,
    dtype: TensorDtype,
    dims: readonly number[],
    data: TensorData | readonly number[],
  ): string;
  /** Adds a node with one output and returns the output's name. */
  node(
    opType: string,
    inputs: readonly string[],
    attributes?: Record<string, AttributeInput>,
    options?: NodeOptions,
  ): string;
  /** Adds a node with `count` outputs (e.g. `TopK`: values and indices) and returns their names. */
  nodeOutputs(
    opType: string,
    inputs: readonly string[],
    count: number,
    attributes?: Record<string, AttributeInput>,
    options?: NodeOptions,
  ): string[];
  /** Marks a value as a graph output. */
  output(name: string, dtype: TensorDtype, shape: readonly Dim[]): void;
  /** The operator types used so far, in order of first use, with their domain when not the default. */
  opTypes(): string[];
  /** The graph as plain data (for inspection and tests). */
  toGraph(): GraphValue;
  /** The encoded model (`.onnx` bytes). */
  build(): Uint8Array;
  /** Whether `name` is a value of this graph or of an enclosing one. */
  defines(name: string): boolean;
  /**
   * A subgraph (a branch of `If`, a `Loop` body) that may read this graph's values by name. It has no
   * inputs of its own here; declare its outputs with `output`, and pass it as `attr.graph(sub)`.
   * Its value names must not clash with this graph's.
   */
  subgraph(name: string): GraphBuilder;
}

/** Starts a new graph. */
export function createGraphBuilder(options: GraphBuilderOptions): GraphBuilder {
  return createScopedBuilder(options, undefined);
}

function createScopedBuilder(options: GraphBuilderOptions, parent: GraphBuilder | undefined): GraphBuilder {
  const inputs: ValueInfo[] = [];
  const outputs: ValueInfo[] = [];
  const initializers: TensorValue[] = [];
  const nodes: NodeValue[] = [];
  const names = new Set<string>();
  const domains = new Set<string>();
  let counter = 0;

  const claim = (name: string): string => {
    if (names.has(name) || parent?.defines(name))
      throw new Error(`Graph ${options.name}: the value name "${name}" is used twice.`);
    names.add(name);
    return name;
  };
  const fresh = (opType: string): string => {
    let name: string;
    do name = `${parent ? `${options.name}_` : ''}${opType.toLowerCase()}_${counter++}`;
    while (names.has(name) || parent?.defines(name));
    return name;
  };
  const toGraph = (): GraphValue => ({ name: options.name, inputs, outputs, initializers, nodes });

  const builder: GraphBuilder = {
    input(name, dtype, shape) {
      inputs.push({ name: claim(name), dtype, shape });
      return name;
    },
    constant(name, dtype, dims, data) {
      initializers.push({ name: claim(name), dtype, dims, data: toTypedArray(dtype, data) });
      return name;
    },
    node(opType, nodeInputs, attributes = {}, nodeOptions = {}) {
      return builder.nodeOutputs(opType, nodeInputs, 1, attributes, nodeOptions)[0]!;
    },
    nodeOutputs(opType, nodeInputs, count, attributes = {}, nodeOptions = {}) {
      for (const input of nodeInputs) {
        if (input !== '' && !builder.defines(input)) {
          throw new Error(`Graph ${options.name}: ${opType} reads "${input}" before it is defined.`);
        }
      }
      const outs = nodeOptions.outputs
        ? [...nodeOptions.outputs]
        : Array.from({ length: count }, () => fresh(opType));
      if (outs.length !== count)
        throw new Error(`${opType}: ${outs.length} output names for ${count} outputs.`);
      for (const out of outs) claim(out);
      const domain = nodeOptions.domain ?? '';
      if (domain !== '') domains.add(domain);
      nodes.push({
        opType,
        domain,
        name: `${parent ? `${options.name}_` : ''}${opType}_${nodes.length}`,
        inputs: nodeInputs,
        outputs: outs,
        attributes: toAttributes(opType, attributes),
      });
      return outs;
    },
    output(name, dtype, shape) {
      if (!builder.defines(name))
        throw new Error(`Graph ${options.name}: output "${name}" is never defined.`);
      outputs.push({ name, dtype, shape });
    },
    opTypes() {
      const seen = nodes.map((node) => (node.domain === '' ? node.opType : `${node.domain}.${node.opType}`));
      return [...new Set(seen)];
    },
    toGraph,
    defines: (name) => names.has(name) || (parent?.defines(name) ?? false),
    subgraph: (name) => createScopedBuilder({ ...options, name }, builder),
    build() {
      const opsets: Record<string, number> = { '': options.opset ?? 23 };
      // onnxruntime registers its contrib ops (com.microsoft) at domain version 1.
      for (const domain of domains) opsets[domain] = 1;
      return encodeModel({
        irVersion: options.irVersion ?? 11,
        opsets,
        producerName: '@mlsys/kernels',
        graph: toGraph(),
      });
    },
  };
  return builder;
}

function toAttributes(
  opType: string,
  attributes: Record<string, AttributeInput>,
): Record<string, AttributeValue> {
  const result: Record<string, AttributeValue> = {};
  for (const [name, value] of Object.entries(attributes)) {
    if (typeof value === 'number') {
      if (!Number.isInteger(value)) {
        throw new Error(
          `${opType}.${name} = ${value} is not an integer; write attr.float(${value}) for a FLOAT.`,
        );
      }
      result[name] = { type: 'int', value };
    } else if (typeof value === 'bigint') result[name] = { type: 'int', value };
    else if (typeof value === 'string') result[name] = { type: 'string', value };
    else if (isAttributeValue(value)) result[name] = value;
    else result[name] = { type: 'ints', value };
  }
  return result;
}

function isAttributeValue(value: readonly number[] | AttributeValue): value is AttributeValue {
  return !Array.isArray(value);
}

/** Converts plain numbers to the typed array of `dtype` (int64 → `BigInt64Array`, float16 → bits). */
function toTypedArray(dtype: TensorDtype, data: TensorData | readonly number[]): TensorData {
  if (!Array.isArray(data)) return data as TensorData;
  const values = data as readonly number[];
  switch (dtype) {
    case 'float32':
      return Float32Array.from(values);
    case 'float64':
      return Float64Array.from(values);
    case 'int64':
      return BigInt64Array.from(values, (value) => BigInt(value));
    case 'int32':
      return Int32Array.from(values);
    case 'int8':
      return Int8Array.from(values);
    case 'uint8':
    case 'bool':
      return Uint8Array.from(values);
    case 'float16':
      return Uint16Array.from(values, toFloat16Bits);
  }
}
