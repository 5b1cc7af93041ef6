import { formatInt } from '../format/format-number.js';
import type { Architecture } from '../model/architecture.js';

/**
 * The longest context the model supports, in tokens, as its config states it
 * (`max_position_embeddings`; `n_positions` for GPT-2, `max_seq_len` for DBRX), or `null` when the
 * config states no limit (ALiBi models such as Falcon-RW read `maxPositions` as 0).
 */
export function maxContextOf(arch: Architecture): number | null {
  return arch.maxPositions > 0 ? arch.maxPositions : null;
}

/**
 * The warning for a context longer than the model supports, or `undefined` when `tokens` is within
 * the limit. The cache is still sized as asked ("what if"), so the warning says what the figure means.
 */
export function contextWarning(tokens: number, maxContext: number | null): string | undefined {
  if (maxContext === null || tokens <= maxContext) return undefined;
  return `${formatInt(tokens)} tokens exceeds the ${formatInt(maxContext)} tokens this model's config.json allows (max_position_embeddings or its equivalent): the cache is sized as asked; a variant or RoPE scaling (YaRN, say) may allow more, the config as read does not.`;
}
