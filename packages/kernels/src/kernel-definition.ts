/**
 * The contract every kernel implements. A kernel is pure data and pure functions (no onnxruntime
 * import): the runner (`src/runner/`) builds its graphs, feeds them, times them and compares them with
 * the plain-TypeScript reference; the `/kernel` command turns its params into options; the bench runs
 * its `benchSizes`.
 *
 * To add a kernel: create `src/kernels/<name>/` with a `<name>-kernel.ts` exporting
 * `defineKernel({...})`, and append it to `kernelRegistry` in `src/kernel-registry.ts`. See
 * `src/kernels/attention/attention-kernel.ts` for a complete example.
 *
 * @module
 */

import type { TensorData, TensorDtype } from './onnx/data-type.js';
import type { GraphBuilder } from './onnx/graph-builder.js';

/** How a result was computed: a graph of primitive ops, one fused onnxruntime op, or plain TypeScript. */
export type KernelVariant = 'composed' | 'fused' | 'reference';

/** A tensor in host memory: element type, dimensions and a typed array of `product(dims)` elements. */
export interface HostTensor {
  dtype: TensorDtype;
  dims: readonly number[];
  data: TensorData;
}

/** Tensors by name. */
export type KernelInputs = Record<string, HostTensor>;

/** A source of seeded random numbers for inputs (see `createRandom`). */
export interface KernelRandom {
  /** Uniform in [0, 1). */
  uniform(): number;
  /** Standard normal N(0, 1). */
  normal(): number;
}

/**
 * One user-facing parameter: a shape option (`seq=512`) or a value (`logits=2,1,0.5`). Every value
 * arrives as text; the kernel's {@link KernelDefinition.parse} turns all of them into typed params.
 */
export interface KernelParam {
  /** One line with units, e.g. `Sequence length (tokens), 1–4096`. */
  description: string;
  /** The platform type of the option (how Discord and the CLI present it). */
  kind: 'integer' | 'number' | 'boolean' | 'string';
  /** Raw text used when absent. Params without a default are optional (or required, below). */
  default?: string;
  /** A right value, for help and error messages. */
  example: string;
  required?: boolean;
  choices?: readonly string[];
  /** May be given without `name=`, in declaration order. */
  positional?: boolean;
}

/** A built ONNX graph for one implementation, with the feeds it needs. */
export interface KernelGraph {
  /** The `.onnx` bytes (from `GraphBuilder.build()`). */
  model: Uint8Array;
  /** Operator types in the graph, e.g. `['MatMul', 'Mul', 'Add', 'Softmax', 'MatMul']`. */
  ops: readonly string[];
  /** Tensors to feed, by graph input name (masks go here, not into the graph: see onnxruntime.md). */
  feeds: KernelInputs;
  /** The graph output compared with the reference. The runner fetches only this output. */
  output: string;
}

/** An implementation that does not apply to these params, and why (shown to the user). */
export interface KernelUnavailable {
  unavailable: string;
}

/** One ONNX implementation of a kernel. A kernel has one `composed` and zero or more `fused` ones. */
export interface KernelImplementation<P> {
  /** Unique within the kernel, kebab-case: `composed`, `attention-23`, `gqa`, `mha`. */
  id: string;
  variant: 'composed' | 'fused';
  /** What runs, for people: `opset-23 Attention`, `com.microsoft.GroupQueryAttention`. */
  label: string;
  build(params: P, inputs: KernelInputs): KernelGraph | KernelUnavailable;
}

/** Agreement bounds: `|actual − expected| ≤ atol + rtol·|expected|` elementwise (numpy.allclose). */
export interface Tolerance {
  atol: number;
  rtol: number;
}

/** One memory figure worth showing, e.g. the n×n score matrix a composed graph materialises. */
export interface MemoryNote {
  label: string;
  bytes: number;
  /** The formula with values filled in, e.g. `B·H·S·S·4 = 1·8·2048·2048·4`. */
  formula: string;
}

/** One size the bench runs: args as the user would type them, and whether to run the reference too. */
export interface BenchSize {
  args: Readonly<Record<string, string>>;
  /** Run the plain-TS reference at this size (turn off where it would take many seconds). */
  reference: boolean;
}

/**
 * A kernel: metadata, parsing, inputs, cost formulas, ONNX implementations and the reference.
 * Functions are declared as methods so that any `KernelDefinition<P>` fits {@link AnyKernelDefinition}.
 */
export interface KernelDefinition<P> {
  /** Lower-case command word, `^[a-z][a-z0-9-]{0,31}$`: `/kernel <name>`. */
  name: string;
  /** One line (≤ 100 characters), e.g. `Scaled dot-product attention: causal, GQA/MQA, KV cache`. */
  description: string;
  /** Parameters by snake_case name, in the order help shows them. */
  params: Readonly<Record<string, KernelParam>>;
  /** Argument texts of right invocations, without `/kernel <name>`. */
  examples: readonly string[];
  /** Bounds by dtype of the output; float32 is required. */
  tolerance: Partial<Record<TensorDtype, Tolerance>> & { float32: Tolerance };
  /** Sizes for `pnpm bench`, smallest first; the last is "the largest size". */
  benchSizes: readonly BenchSize[];

  /**
   * Turns raw param text (defaults already filled in) into typed params, checking every cap.
   * @throws UserError naming the bad param, its cap and a right example.
   */
  parse(args: Readonly<Record<string, string>>): P;
  /** Inputs from the params: user-given values where the params carry them, else seeded random. */
  makeInputs(params: P, random: KernelRandom): KernelInputs;
  /** Useful floating-point operations of one call (multiply and add count as 2), e.g. `4·B·H·S·S·D`. */
  flops(params: P): number;
  /** Bytes a perfect kernel must move: inputs read once plus outputs written once. */
  bytesMoved(params: P): number;
  /** Whether speed is judged in GFLOP/s (`compute`) or GB/s (`memory`) at these params. */
  boundBy(params: P): 'compute' | 'memory';
  /** Peak bytes the most memory-hungry implementation may need; the runner refuses above its cap. */
  workBytes(params: P): number;
  /** Memory figures for the reply (optional). */
  memoryNotes?(params: P): MemoryNote[];
  /** The ONNX implementations. */
  implementations: readonly KernelImplementation<P>[];
  /** The plain-TypeScript reference, written for clarity; float64 output is fine. */
  reference(params: P, inputs: KernelInputs): HostTensor;
  /** Params as plain JSON for `reply.data` (shape, dtype, flags). */
  describe(params: P): Record<string, number | string | boolean | number[]>;
}

/**
 * A kernel of any params type, as the registry holds it. Method parameters are checked bivariantly,
 * so every `KernelDefinition<P>` is assignable to this.
 */
// biome-ignore lint/suspicious/noExplicitAny: the registry erases each kernel's params type on purpose.
export type AnyKernelDefinition = KernelDefinition<any>;

/** Declares a kernel (identity, for type inference of `P`). */
export function defineKernel<P>(definition: KernelDefinition<P>): KernelDefinition<P> {
  return definition;
}

/** Packs a finished graph builder into a {@link KernelGraph}. */
export function toKernelGraph(builder: GraphBuilder, feeds: KernelInputs, output: string): KernelGraph {
  return { model: builder.build(), ops: builder.opTypes(), feeds, output };
}

/** True when `value` is a {@link KernelUnavailable}. */
export function isUnavailable(value: KernelGraph | KernelUnavailable): value is KernelUnavailable {
  return 'unavailable' in value;
}
