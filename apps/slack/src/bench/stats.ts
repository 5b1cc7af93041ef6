import { percentile } from '@mlsys/core';

/** Percentiles of latency samples, ms. */
export interface Latency {
  count: number;
  p50: number;
  p95: number;
  p99: number;
}

/** p50, p95 and p99 (nearest rank) of `samples` in ms. */
export function latencyOf(samples: ArrayLike<number>): Latency {
  const sorted = Float64Array.from(samples).sort();
  const at = (q: number) => percentile(sorted, q);
  return { count: sorted.length, p50: at(0.5), p95: at(0.95), p99: at(0.99) };
}

/** `12.34 ms`. */
export const ms = (value: number): string => `${value.toFixed(2)} ms`;
