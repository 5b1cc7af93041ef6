import { UserError } from '@mlsys/errors';
import { formatCount } from '../format/format-number.js';
import { CHINCHILLA_TABLE3 } from './table3.js';

/** Table 3's smallest and largest model sizes: 400M and 10T parameters (Hoffmann et al. 2022). */
export const TABLE3_PARAMS = {
  min: CHINCHILLA_TABLE3[0]!.params,
  max: CHINCHILLA_TABLE3[CHINCHILLA_TABLE3.length - 1]!.params,
} as const;

/**
 * The smallest models behind the parametric fits: "over 400 language models ranging from 70 million
 * to over 16 billion parameters" (Hoffmann et al. 2022, abstract; Besiroglu et al. 2024 refit the
 * same runs).
 */
export const FIT_SMALLEST_PARAMS = 70e6;

/**
 * The largest model size sized at all: 10^15 parameters, 100 × Table 3's largest row (10T). Past it
 * no scaling law here says anything, so the size is refused rather than extrapolated.
 */
export const MAX_CHINCHILLA_PARAMS = 1e15;

/**
 * Refuses a model size past {@link MAX_CHINCHILLA_PARAMS}.
 *
 * @throws UserError `calc/chinchilla-too-large`.
 */
export function checkChinchillaParams(params: number): void {
  if (params > MAX_CHINCHILLA_PARAMS) {
    throw new UserError(
      'calc/chinchilla-too-large',
      `${formatCount(params)} parameters is past ${formatCount(MAX_CHINCHILLA_PARAMS)}, 100 × the largest size Hoffmann et al. 2022 project to (Table 3: 10T); no scaling law says anything there.`,
      { example: '/chinchilla 1t' },
    );
  }
}

/**
 * A warning when a size lies outside the data behind the figures, or `undefined` inside it. The
 * compute-optimal split by `table` is extrapolated outside Table 3's rows (400M–10T); the fits (and
 * the loss of every method) outside 70M (the smallest fitted run) – 10T (the largest projection).
 *
 * @param tableOptimum true when N and D are Table 3's compute-optimal split (method `table`)
 */
export function extrapolationWarning(params: number, tableOptimum: boolean): string | undefined {
  const size = `N = ${formatCount(params)} parameters`;
  if (tableOptimum && params < TABLE3_PARAMS.min) {
    const loss =
      params < FIT_SMALLEST_PARAMS
        ? `, and the loss from a fit made on runs of ${formatCount(FIT_SMALLEST_PARAMS)} parameters and up`
        : '';
    return `${size} is below the smallest row of Hoffmann et al. 2022 Table 3 (${formatCount(TABLE3_PARAMS.min)}): the tokens and FLOPs are extrapolated along the table's first segment${loss}.`;
  }
  if (params < FIT_SMALLEST_PARAMS) {
    return `${size} is below the smallest models the Chinchilla scaling fits were made on (${formatCount(FIT_SMALLEST_PARAMS)}, Hoffmann et al. 2022): the figures are extrapolations.`;
  }
  if (params > TABLE3_PARAMS.max) {
    return `${size} is beyond the largest size Hoffmann et al. 2022 project to (Table 3: ${formatCount(TABLE3_PARAMS.max)}): the figures are extrapolations.`;
  }
  return undefined;
}
