/**
 * One line of "work shown": a formula in symbols, the same formula with the values filled in, and the
 * result with its unit. Every calculator result carries a list of these for the replies.
 *
 * @example
 * { label: 'KV bytes per token', formula: '2 · L · n_kv · d_head · b',
 *   substituted: '2 · 80 · 8 · 128 · 2 B', result: '327,680 B',
 *   source: 'Kwon et al. 2023 (vLLM), §3' }
 */
export interface WorkStep {
  /** What the step computes. */
  label: string;
  /** The formula in symbols. */
  formula: string;
  /** The formula with this calculation's values. */
  substituted: string;
  /** The result, with its unit. */
  result: string;
  /** The paper or document the formula comes from. */
  source?: string;
}
