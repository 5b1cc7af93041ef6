/**
 * What a kernel run is asked for and what it reports. These mirror the `KernelRunner` port declared
 * in `@mlsys/core` (`packages/core/src/ports/kernel-runner.ts`) field for field; `kernels` does not
 * import `core` (core imports `@mlsys/kernels/pure`, and a cycle would break the build order), so the
 * two are matched structurally where the CLI plugs the runner into its services.
 *
 * @module
 */

import type { KernelVariant, MemoryNote } from '../kernel-definition.js';

/** One kernel run. */
export interface KernelRunRequest {
  /** Registry name, e.g. `attention`. */
  kernel: string;
  /** Param text by name as the user typed it (`{ seq: '512', causal: 'true' }`); defaults fill the rest. */
  args: Readonly<Record<string, string>>;
  /** Seed of the random inputs (1 when absent). */
  seed?: number;
  /** Timed runs after one warm-up run; the median is reported (3 when absent). */
  repeats?: number;
}

/** How one implementation (or the reference) did. */
export interface ImplementationResult {
  id: string;
  variant: KernelVariant;
  label: string;
  /** Operator types of the graph; empty for the reference. */
  ops: string[];
  status: 'ok' | 'unavailable' | 'skipped';
  /** Why it is unavailable or skipped. */
  note?: string;
  /** Median wall time of one call (ms); one call for the reference. */
  ms?: number;
  /** max |this − baseline| over the output. */
  maxAbsErr?: number;
  /** Within the kernel's tolerance of the baseline. */
  withinTolerance?: boolean;
}

/** Everything one run found out. */
export interface KernelRunResult {
  kernel: string;
  /** The resolved params (`describe(params)`). */
  params: Record<string, number | string | boolean | number[]>;
  seed: number;
  outputDims: number[];
  /** Bytes of the output one ONNX call hands back (0 when no ONNX implementation ran). */
  outputBytes: number;
  /** The first (up to 64) output values of the baseline, row-major. */
  preview: number[];
  /** Useful FLOPs of one call. */
  flops: number;
  /** Bytes a perfect kernel moves in one call. */
  bytesMoved: number;
  boundBy: 'compute' | 'memory';
  memory: MemoryNote[];
  /** onnxruntime intra-op threads. */
  threads: number;
  /** What `maxAbsErr` is measured against: the float64 reference, or the composed graph when the reference was skipped. */
  baseline: 'reference' | 'composed';
  implementations: ImplementationResult[];
}
