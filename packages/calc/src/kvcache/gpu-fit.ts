import type { Gpu } from '../gpus/gpu.js';
import type { Architecture } from '../model/architecture.js';
import { MAX_CONTEXT_TOKENS } from '../units/parse-context-length.js';
import { type Dtype, dtypeOf } from '../units/parse-dtype.js';
import { kvLayout, layoutBytes } from './kv-layout.js';

/** What fits on one GPU of a tp group next to that GPU's share of the weights. */
export interface GpuFit {
  gpu: Gpu;
  weightDtype: Dtype;
  /** GPU memory as stated on the data sheet, bytes. */
  memoryBytes: number;
  /** Memory held back (reserve fraction × memory), bytes. */
  reserveBytes: number;
  /** This GPU's share of the weights: params × bytes / tp, bytes. */
  weightBytes: number;
  /** Memory left for the KV cache, bytes (negative when the weights alone do not fit). */
  freeBytes: number;
  /** This GPU's KV share for the requested tokens and batch, bytes. */
  kvBytes: number;
  /** The requested cache fits. */
  fits: boolean;
  /** Most sequences of the requested length that fit. */
  maxSequences: number;
  /**
   * Longest context per sequence at the requested batch: what fits in memory, capped at the model's
   * maximum context when it has one (and at 2^27).
   */
  maxTokens: number;
  /** Longest context per sequence that memory alone allows at the requested batch (capped at 2^27). */
  maxTokensByMemory: number;
  /** True when {@link maxTokens} is the model's maximum context, memory allowing more. */
  maxTokensAtContextLimit: boolean;
}

/** Inputs of {@link gpuFit}. */
export interface GpuFitInput {
  arch: Architecture;
  gpu: Gpu;
  /** Total parameters of the model. */
  params: number;
  tokens: number;
  batch: number;
  tp: number;
  kvBytesPerElement: number;
  weightDtype: Dtype | undefined;
  /** Fraction of memory held back, 0 ≤ r < 1. */
  reserve: number;
  /** The model's maximum context in tokens, or `null` when its config states none. */
  maxContext: number | null;
}

/**
 * How much KV cache fits on one GPU beside its share of the weights, weights split evenly over tp.
 * Assumes nothing else lives in memory unless a reserve is given (no activations, CUDA context,
 * allocator fragmentation). The longest context is capped at the model's maximum context: memory for
 * more tokens than the model supports is no answer to "how long can a sequence be".
 */
export function gpuFit(input: GpuFitInput): GpuFit {
  const weightDtype = input.weightDtype ?? dtypeOf('bf16');
  const memoryBytes = input.gpu.memoryBytes;
  const reserveBytes = memoryBytes * input.reserve;
  const weightBytes = (input.params * weightDtype.bytes) / input.tp;
  const freeBytes = memoryBytes - reserveBytes - weightBytes;
  const bytesAt = (tokens: number, batch: number): number => {
    const { kv, state } = layoutBytes(
      kvLayout(input.arch, { tokens, tp: input.tp }),
      batch,
      input.kvBytesPerElement,
    );
    return kv + state;
  };
  const kvBytes = bytesAt(input.tokens, input.batch);
  const perSequence = bytesAt(input.tokens, 1);
  const maxSequences = freeBytes <= 0 ? 0 : Math.floor(freeBytes / perSequence);
  // Bytes grow with tokens (never shrink), so the longest context that fits is found by bisection.
  let low = 0;
  let high = MAX_CONTEXT_TOKENS;
  if (freeBytes > 0 && bytesAt(high, input.batch) <= freeBytes) low = high;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (freeBytes > 0 && bytesAt(mid, input.batch) <= freeBytes) low = mid;
    else high = mid - 1;
  }
  const maxTokens = input.maxContext === null ? low : Math.min(low, input.maxContext);
  return {
    gpu: input.gpu,
    weightDtype,
    memoryBytes,
    reserveBytes,
    weightBytes,
    freeBytes,
    kvBytes,
    fits: freeBytes > 0 && kvBytes <= freeBytes,
    maxSequences,
    maxTokens,
    maxTokensByMemory: low,
    maxTokensAtContextLimit: maxTokens < low,
  };
}
