/** Percentiles of repeated timings, in milliseconds. */
export interface Timing {
  runs: number;
  p50: number;
  p99: number;
}

/**
 * Times `fn` `runs` times after `warmup` untimed calls (performance.now, one call per sample) and
 * returns p50 and p99 in ms.
 */
export function time(fn: () => unknown, runs: number, warmup = Math.ceil(runs / 10)): Timing {
  for (let i = 0; i < warmup; i++) fn();
  const samples = new Float64Array(runs);
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    samples[i] = performance.now() - start;
  }
  samples.sort();
  return { runs, p50: quantile(samples, 0.5), p99: quantile(samples, 0.99) };
}

function quantile(sorted: Float64Array, q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

/** `12.3 ms` / `45.6 µs`. */
export function ms(value: number): string {
  return value >= 1 ? `${value.toFixed(2)} ms` : `${(value * 1000).toFixed(1)} µs`;
}
