/**
 * A parametric loss fit `L(N, D) = E + A/N^α + B/D^β` (loss in nats per token, N parameters,
 * D training tokens), the form of Hoffmann et al. 2022, §3.3 (Approach 3).
 */
export interface ScalingFit {
  /** Stable key: `hoffmann` or `epoch`. */
  key: 'hoffmann' | 'epoch';
  /** Who fitted it, for replies. */
  label: string;
  /** Irreducible loss, nats/token. */
  E: number;
  A: number;
  B: number;
  alpha: number;
  beta: number;
  /** Paper and place the constants come from. */
  source: string;
}

/**
 * The Chinchilla paper's fit: E = 1.69, A = 406.4, B = 410.7, α = 0.34, β = 0.28.
 * Source: Hoffmann et al. 2022, arXiv:2203.15556, §3.3 and Appendix D.2.
 * With these rounded constants the compute-optimal D/N is ≈ 93 at 5.76e23 FLOPs, not 20
 * (shared/reference/formulas.md; Besiroglu et al. 2024).
 */
export const HOFFMANN_FIT: ScalingFit = {
  key: 'hoffmann',
  label: 'Hoffmann et al. 2022 (Approach 3)',
  E: 1.69,
  A: 406.4,
  B: 410.7,
  alpha: 0.34,
  beta: 0.28,
  source: 'Hoffmann et al. 2022, arXiv:2203.15556, §3.3',
};

/**
 * Epoch AI's refit of Approach 3 on the paper's own data: E = 1.8172, A = 482.01, B = 2085.43,
 * α = 0.3478, β = 0.3658. Its optimum is near 20 tokens per parameter.
 * Source: Besiroglu et al. 2024, "Chinchilla Scaling: A replication attempt", arXiv:2404.10102.
 */
export const EPOCH_FIT: ScalingFit = {
  key: 'epoch',
  label: 'Besiroglu et al. 2024 (Epoch AI refit)',
  E: 1.8172,
  A: 482.01,
  B: 2085.43,
  alpha: 0.3478,
  beta: 0.3658,
  source: 'Besiroglu et al. 2024, arXiv:2404.10102',
};

/**
 * Predicted final training loss in nats per token: `E + A/N^α + B/D^β`.
 *
 * @param params N, parameters.
 * @param tokens D, training tokens.
 * @example predictLoss(HOFFMANN_FIT, 70e9, 1.4e12) // ≈ 1.9366
 */
export function predictLoss(fit: ScalingFit, params: number, tokens: number): number {
  return fit.E + fit.A / params ** fit.alpha + fit.B / tokens ** fit.beta;
}

/**
 * `G = (αA/(βB))^(1/(α+β))`, the constant of the closed-form optimum under `C = 6ND`
 * (Hoffmann et al. 2022, §3.3, "Efficient frontier").
 */
export function optimumConstant(fit: ScalingFit): number {
  return ((fit.alpha * fit.A) / (fit.beta * fit.B)) ** (1 / (fit.alpha + fit.beta));
}

/**
 * Compute-optimal parameters and tokens for a budget of `flops` FLOPs under `C = 6ND`:
 * `N_opt = G·(C/6)^(β/(α+β))`, `D_opt = C/(6·N_opt)` (Hoffmann et al. 2022, §3.3, "Efficient frontier").
 */
export function optimumForCompute(fit: ScalingFit, flops: number): { params: number; tokens: number } {
  const params = optimumConstant(fit) * (flops / 6) ** (fit.beta / (fit.alpha + fit.beta));
  return { params, tokens: flops / (6 * params) };
}

/**
 * The budget for which `params` is compute-optimal under the fit, and the tokens that go with it:
 * the inverse of {@link optimumForCompute}, `C = 6·(N/G)^((α+β)/β)`.
 */
export function optimumForParams(fit: ScalingFit, params: number): { flops: number; tokens: number } {
  const flops = 6 * (params / optimumConstant(fit)) ** ((fit.alpha + fit.beta) / fit.beta);
  return { flops, tokens: flops / (6 * params) };
}
