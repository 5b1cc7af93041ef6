/**
 * The port through which commands run kernels. `@mlsys/kernels` implements it with a child process
 * that can be killed after a time limit (onnxruntime cannot cancel a run in flight); tests use a fake.
 * The shapes match `@mlsys/kernels`' `KernelRunRequest`/`KernelRunResult` field for field (kernels
 * cannot import core: core imports `@mlsys/kernels/pure`), checked where the CLI plugs one into the other.
 *
 * @module
 */

/** One kernel run. */
export interface KernelRunRequest {
  /** Registry name, e.g. `attention`. */
  kernel: string;
  /** Param text by name as the user typed it; the kernel's defaults fill the rest. */
  args: Readonly<Record<string, string>>;
  /** Seed of the random inputs (1 when absent). */
  seed?: number;
  /** Timed runs after one warm-up; the median is reported (3 when absent). */
  repeats?: number;
}

/** How one implementation (or the plain-TS reference) did. */
export interface KernelImplementationResult {
  id: string;
  variant: 'composed' | 'fused' | 'reference';
  label: string;
  /** Operator types of the graph; empty for the reference. */
  ops: string[];
  status: 'ok' | 'unavailable' | 'skipped';
  note?: string;
  /** Median wall time of one call, ms. */
  ms?: number;
  /** max |this − baseline| over the output. */
  maxAbsErr?: number;
  withinTolerance?: boolean;
}

/** A memory figure with its formula, e.g. the n×n score matrix. */
export interface KernelMemoryNote {
  label: string;
  bytes: number;
  formula: string;
}

/** What one run found out. */
export interface KernelRunResult {
  kernel: string;
  params: Record<string, number | string | boolean | number[]>;
  seed: number;
  outputDims: number[];
  /** The first (up to 64) output values of the baseline. */
  preview: number[];
  /** Useful FLOPs of one call. */
  flops: number;
  /** Bytes a perfect kernel moves in one call. */
  bytesMoved: number;
  boundBy: 'compute' | 'memory';
  memory: KernelMemoryNote[];
  threads: number;
  /** What `maxAbsErr` is measured against. */
  baseline: 'reference' | 'composed';
  implementations: KernelImplementationResult[];
}

/** Runs kernels where a runaway input cannot hurt the bot. */
export interface KernelRunner {
  /**
   * @throws UserError for bad input, sizes above the caps, or a run that hit the time limit.
   */
  run(request: KernelRunRequest): Promise<KernelRunResult>;
  /** Stops any worker process. */
  close(): Promise<void>;
}
