/**
 * Params of `/kernel kmeans`: the user's points and centroids, or seeded blobs.
 *
 * @module
 */

import { UserError } from '@mlsys/errors';
import type { KernelInputs, KernelParam, KernelRandom } from '../../kernel-definition.js';
import { parseIntegerParam, parseNumberListParam, requireArg } from '../../kernel-params.js';
import type { KmeansShape } from './kmeans-reference.js';

/** k-means params: shapes plus the user's points and centroids (row-major), or `null` for random. */
export interface KmeansParams extends KmeansShape {
  points: readonly number[] | null;
  centroids: readonly number[] | null;
}

/** Caps: 2^22 values in points and in the n × k distance matrix; 64 points typed by hand. */
export const KMEANS_CAPS = {
  n: { min: 1, max: 65_536 },
  dim: { min: 1, max: 256 },
  k: { min: 1, max: 256 },
  cells: 2 ** 22,
  listedPoints: 64,
  listedDim: 16,
  magnitude: 1e6,
} as const;

/** The user-facing params. */
export const KMEANS_PARAMS: Readonly<Record<string, KernelParam>> = {
  points: {
    description: 'Your points: numbers by commas, points by semicolons (0,0;1,1;9,9); random when absent',
    kind: 'string',
    example: '0,0;1,1;9,9;10,10',
  },
  centroids: {
    description: 'Starting centroids, same format (default: the first k of your points)',
    kind: 'string',
    example: '0,0;10,10',
  },
  k: {
    description: 'Clusters, 1–256 (default 8 with random points, 2 with yours)',
    kind: 'integer',
    example: '16',
  },
  n: { description: 'Random points, 1–65536', kind: 'integer', default: '4096', example: '16384' },
  dim: { description: 'Dimensions of random points, 1–256', kind: 'integer', default: '16', example: '64' },
};

/**
 * Points separated by `;`, numbers by `,` — all of one length.
 * @throws UserError naming the bad entry, a ragged row, or too many points.
 */
export function parseMatrixParam(name: string, raw: string, maxRows: number, maxCols: number): number[][] {
  const rows = raw
    .trim()
    .split(';')
    .filter((row) => row.trim() !== '');
  if (rows.length === 0 || rows.length > maxRows) {
    throw new UserError(
      'kernels/bad-list',
      `${name} must list 1 to ${maxRows} points separated by ";"; got ${rows.length}.`,
      {
        example: `${name}=0,0;1,1;9,9`,
      },
    );
  }
  const parsed = rows.map((row) => parseNumberListParam(name, row, maxCols));
  const width = parsed[0]!.length;
  const ragged = parsed.findIndex((row) => row.length !== width);
  if (ragged >= 0) {
    throw new UserError(
      'kernels/bad-list',
      `${name}: point ${ragged + 1} has ${parsed[ragged]!.length} numbers, point 1 has ${width}.`,
      {
        example: `${name}=0,0;1,1;9,9`,
      },
    );
  }
  const big = parsed.flat().find((value) => Math.abs(value) > KMEANS_CAPS.magnitude);
  if (big !== undefined) {
    throw new UserError(
      'kernels/out-of-range',
      `Each coordinate must be within ±${KMEANS_CAPS.magnitude}; got ${big}.`,
      {
        example: `${name}=0,0;1,1;9,9`,
      },
    );
  }
  return parsed;
}

/**
 * Typed params (defaults filled in). Given `points`, n and dim come from them; `centroids` default to
 * the first k points.
 * @throws UserError for bad lists, mismatched dimensions, k > n, or sizes over the caps.
 */
export function parseKmeansParams(args: Readonly<Record<string, string>>): KmeansParams {
  if (args.points !== undefined) {
    const points = parseMatrixParam('points', args.points, KMEANS_CAPS.listedPoints, KMEANS_CAPS.listedDim);
    const dim = points[0]!.length;
    let centroids: number[][];
    if (args.centroids !== undefined) {
      centroids = parseMatrixParam(
        'centroids',
        args.centroids,
        KMEANS_CAPS.listedPoints,
        KMEANS_CAPS.listedDim,
      );
      if (centroids[0]!.length !== dim) {
        throw new UserError(
          'kernels/bad-list',
          `centroids have ${centroids[0]!.length} numbers each, points have ${dim}.`,
          {
            example: 'points=0,0;1,1;9,9;10,10 centroids=0,0;10,10',
          },
        );
      }
    } else {
      const k = parseIntegerParam('k', args.k ?? '2', { min: 1, max: points.length });
      centroids = points.slice(0, k);
    }
    return { n: points.length, dim, k: centroids.length, points: points.flat(), centroids: centroids.flat() };
  }
  const n = parseIntegerParam('n', requireArg(args, 'n', '4096'), KMEANS_CAPS.n);
  const dim = parseIntegerParam('dim', requireArg(args, 'dim', '16'), KMEANS_CAPS.dim);
  const k = parseIntegerParam('k', args.k ?? '8', { min: 1, max: Math.min(KMEANS_CAPS.k.max, n) });
  if (n * dim > KMEANS_CAPS.cells || n * k > KMEANS_CAPS.cells) {
    throw new UserError('kernels/too-large', `n × dim and n × k must each be at most ${KMEANS_CAPS.cells}.`, {
      example: `n=${Math.max(1, Math.floor(KMEANS_CAPS.cells / Math.max(dim, k)))} dim=${dim} k=${k}`,
    });
  }
  return { n, dim, k, points: null, centroids: null };
}

/** Spread of the random blob centres (per coordinate) relative to the unit spread of points around them. */
const BLOB_SPREAD = 5;

/**
 * Inputs `points [n, dim]` and `centroids [k, dim]` float32. Random points come from k Gaussian blobs
 * (centres N(0, 5²), points N(centre, 1)); the starting centroids are k distinct random points
 * (Forgy initialisation), so the step has real work to do.
 */
export function makeKmeansInputs(params: KmeansParams, random: KernelRandom): KernelInputs {
  const { n, dim, k } = params;
  let points: Float32Array;
  let centroids: Float32Array;
  if (params.points && params.centroids) {
    points = Float32Array.from(params.points);
    centroids = Float32Array.from(params.centroids);
  } else {
    const centres = Float64Array.from({ length: k * dim }, () => BLOB_SPREAD * random.normal());
    points = new Float32Array(n * dim);
    for (let i = 0; i < n; i++) {
      const blob = Math.floor(random.uniform() * k);
      for (let j = 0; j < dim; j++) points[i * dim + j] = centres[blob * dim + j]! + random.normal();
    }
    // k distinct indices: a partial Fisher–Yates shuffle of 0 … n−1
    const order = Int32Array.from({ length: n }, (_, i) => i);
    centroids = new Float32Array(k * dim);
    for (let c = 0; c < k; c++) {
      const pick = c + Math.floor(random.uniform() * (n - c));
      [order[c], order[pick]] = [order[pick]!, order[c]!];
      centroids.set(points.subarray(order[c]! * dim, (order[c]! + 1) * dim), c * dim);
    }
  }
  return {
    points: { dtype: 'float32', dims: [n, dim], data: points },
    centroids: { dtype: 'float32', dims: [k, dim], data: centroids },
  };
}

/** The params as plain JSON for `reply.data`. */
export function describeKmeans(params: KmeansParams): Record<string, number | string> {
  return { n: params.n, dim: params.dim, k: params.k, values: params.points === null ? 'random' : 'given' };
}
