/**
 * The `q`-quantile (0 < q ≤ 1) of ascending samples by the nearest-rank method: the smallest sample
 * with at least a fraction `q` of the samples at or below it, `sorted[⌈q·n⌉ − 1]`. The benches' p50,
 * p95 and p99.
 *
 * @returns NaN for no samples.
 */
export function percentile(sorted: ArrayLike<number>, q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}
