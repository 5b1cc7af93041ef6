/**
 * One step of k-means (Lloyd's algorithm: Lloyd 1982, "Least squares quantization in PCM") in plain
 * TypeScript, written to be read: assign every point to its nearest centroid (squared Euclidean
 * distance), then move every centroid to the mean of its points.
 *
 * Conventions: a distance tie goes to the lower centroid index (as ONNX `ArgMin` with
 * `select_last_index = 0`); a centroid with no points stays where it was.
 *
 * @module
 */

/** Shapes: `points [n, dim]`, `centroids [k, dim]`. */
export interface KmeansShape {
  n: number;
  dim: number;
  k: number;
}

/** The result of one step. */
export interface KmeansStep {
  /** Index of the nearest centroid of each point. */
  assignment: Int32Array;
  /** Points per centroid. */
  counts: Int32Array;
  /** The updated centroids `[k, dim]` (float64). */
  centroids: Float64Array;
  /** Squared distance from each point to its nearest centroid. */
  nearest: Float64Array;
  /** Squared distance from each point to its second-nearest centroid (Infinity when k = 1). */
  secondNearest: Float64Array;
}

/** One assignment and update step. */
export function kmeansStep(
  points: ArrayLike<number>,
  centroids: ArrayLike<number>,
  shape: KmeansShape,
): KmeansStep {
  const { n, dim, k } = shape;
  const assignment = new Int32Array(n);
  const nearest = new Float64Array(n);
  const secondNearest = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let best = Number.POSITIVE_INFINITY;
    let second = Number.POSITIVE_INFINITY;
    for (let c = 0; c < k; c++) {
      let distance = 0;
      for (let j = 0; j < dim; j++) distance += (points[i * dim + j]! - centroids[c * dim + j]!) ** 2;
      if (distance < best) {
        second = best;
        best = distance;
        assignment[i] = c;
      } else if (distance < second) second = distance;
    }
    nearest[i] = best;
    secondNearest[i] = second;
  }
  const counts = new Int32Array(k);
  const sums = new Float64Array(k * dim);
  for (let i = 0; i < n; i++) {
    const c = assignment[i]!;
    counts[c]!++;
    for (let j = 0; j < dim; j++) sums[c * dim + j]! += points[i * dim + j]!;
  }
  const updated = new Float64Array(k * dim);
  for (let c = 0; c < k; c++) {
    for (let j = 0; j < dim; j++) {
      updated[c * dim + j] = counts[c]! > 0 ? sums[c * dim + j]! / counts[c]! : centroids[c * dim + j]!;
    }
  }
  return { assignment, counts, centroids: updated, nearest, secondNearest };
}

/** Sum of squared distances of points to their nearest centroid (the k-means objective). */
export function inertia(step: KmeansStep): number {
  return step.nearest.reduce((sum, distance) => sum + distance, 0);
}
