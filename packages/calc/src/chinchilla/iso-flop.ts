import { optimumForCompute, predictLoss, type ScalingFit } from './scaling-fit.js';

/** Loss along one iso-FLOP slice: parameters N from N_opt/`spread` to N_opt·`spread`, D = C/(6N). */
export interface IsoFlopCurve {
  /** C, FLOPs of the slice. */
  flops: number;
  /** [N parameters, loss nats/token] pairs, N increasing. */
  points: [number, number][];
  /** The slice's minimum under the fit. */
  optimum: { params: number; tokens: number; loss: number };
}

/**
 * Iso-FLOP curves of a loss fit (Hoffmann et al. 2022, Figure 4 right): for each budget C, the loss
 * `L(N, C/(6N))` at `points` log-spaced model sizes around the closed-form optimum.
 */
export function isoFlopCurves(
  fit: ScalingFit,
  budgets: readonly number[],
  points = 25,
  spread = 30,
): IsoFlopCurve[] {
  return budgets.map((flops) => {
    const best = optimumForCompute(fit, flops);
    const low = Math.log(best.params / spread);
    const span = 2 * Math.log(spread);
    const curve: [number, number][] = [];
    for (let i = 0; i < points; i++) {
      const n = Math.exp(low + (span * i) / (points - 1));
      curve.push([n, predictLoss(fit, n, flops / (6 * n))]);
    }
    return {
      flops,
      points: curve,
      optimum: { ...best, loss: predictLoss(fit, best.params, best.tokens) },
    };
  });
}
