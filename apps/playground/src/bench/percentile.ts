/** The `p`-quantile (0–1) of ascending `sorted` samples, nearest rank below; `sorted` must not be empty. */
export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
}
