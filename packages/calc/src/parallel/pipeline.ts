/**
 * Pipeline bubble as a fraction of the ideal compute time: `(p − 1)/m` for 1F1B and `(p − 1)/(v·m)`
 * for the interleaved schedule with v model chunks per GPU (Narayanan et al. 2021, arXiv:2104.04473,
 * §2.2.1 and §2.2.2). Below 1 whenever m ≥ p.
 */
export function bubbleFraction(pp: number, microBatches: number, interleave = 1): number {
  return (pp - 1) / (interleave * microBatches);
}
