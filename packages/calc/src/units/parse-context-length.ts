import { checkBounds } from './parse-number.js';
import { fail, lookup, readQuantity, type ValueKind } from './read-quantity.js';

/** The longest context a calculator accepts: 2^27 = 134,217,728 tokens ("128M"). */
export const MAX_CONTEXT_TOKENS = 2 ** 27;

const KIND: ValueKind = {
  code: 'calc/bad-context-length',
  what: 'a context length',
  example: '128k (= 131,072 tokens)',
};

// Context lengths are powers of two in practice: 128k = 131,072 (Llama 3.1 max_position_embeddings).
const SCALE: Record<string, number> = {
  '': 1,
  k: 1024,
  ki: 1024,
  m: 1024 ** 2,
  mi: 1024 ** 2,
};

/** The words that say a number counts tokens: `tokens`, `token`, `tok` (any case). */
const TOKENS_WORD = '(?:tokens?|tok)';
const TRAILING_TOKENS_WORD = new RegExp(`\\s*${TOKENS_WORD}$`, 'i');
const WHOLE_TOKENS_WORD = new RegExp(`^${TOKENS_WORD}$`, 'i');

/** True for a word that only says what a number counts (`tokens` in `128k tokens`). */
export function isTokensWord(word: string): boolean {
  return WHOLE_TOKENS_WORD.test(word);
}

/**
 * Reads a context length in tokens. `k` means 1,024 and `m` 1,024², as context lengths are quoted:
 * `128k` → 131,072, `32K` → 32,768, `1m` → 1,048,576; a plain number is taken as written (`131072`).
 * A trailing `tokens` is allowed (`32k tokens`).
 *
 * @throws UserError for other units, fractions of a token (`0.1k`), zero, negatives, or more than
 *   {@link MAX_CONTEXT_TOKENS}.
 */
export function parseContextLength(raw: string): number {
  const text = raw.trim();
  const quantity = readQuantity(text.replace(TRAILING_TOKENS_WORD, '') || text, KIND);
  const scale = lookup(SCALE, quantity.unit);
  if (scale === undefined) {
    throw fail(
      KIND,
      `"${text}" has an unknown unit "${quantity.rawUnit}" for a context length; use k (×1,024) or m (×1,048,576).`,
    );
  }
  const tokens = quantity.value * scale;
  return checkBounds(tokens, text, { min: 1, max: MAX_CONTEXT_TOKENS, integer: true }, KIND);
}
