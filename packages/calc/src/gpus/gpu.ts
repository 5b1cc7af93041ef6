/** Memory capacity exactly as the data sheet states it. */
export interface StatedMemory {
  /** The number on the data sheet, e.g. `80`. */
  value: number;
  /** The unit the data sheet uses; NVIDIA and AMD data sheets write GB. */
  unit: 'GB' | 'GiB';
  /** Memory technology, e.g. `HBM3`. */
  kind: string;
}

/** One accelerator's data-sheet figures. Throughputs are DENSE (no 2:4 sparsity). */
export interface Gpu {
  /** Registry id, lower-case: `h100-sxm`. */
  id: string;
  /** Display name: `NVIDIA H100 SXM5 80GB`. */
  name: string;
  vendor: 'NVIDIA' | 'AMD';
  memory: StatedMemory;
  /** Memory in bytes as used by the calculators: the stated value in its stated unit (GB = 10^9 B). */
  memoryBytes: number;
  /** Peak memory bandwidth, B/s (decimal: 3.35 TB/s = 3.35e12 B/s). */
  memoryBandwidth: number;
  /** Peak dense BF16 tensor throughput, FLOP/s (FP32 accumulate where the sheet distinguishes). */
  bf16Flops: number;
  /** Peak dense FP16 tensor throughput, FLOP/s (FP32 accumulate where the sheet distinguishes). */
  fp16Flops: number;
  /** Peak dense FP8 tensor throughput, FLOP/s; absent on GPUs without FP8 tensor cores. */
  fp8Flops?: number;
  /** GPU-to-GPU link: name and bandwidth per GPU in B/s (both directions summed, as NVIDIA quotes it). */
  interconnect: { name: string; bandwidth: number };
  /** Names a person types for this GPU (besides the id). */
  aliases: readonly string[];
  /** The data sheet (and any second source) the figures come from. */
  source: string;
  /** Caveats shown with the figures. */
  notes?: readonly string[];
}
