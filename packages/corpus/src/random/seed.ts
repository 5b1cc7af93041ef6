import { mulberry32, type Rng } from './mulberry32.js';

/** A seed: a number, or text such as `C123:2025-06-01` (a channel and a day). */
export type Seed = number | string;

/**
 * A 32-bit seed from a number or text. Text is hashed with FNV-1a (32-bit) over its UTF-16 code
 * units; numbers keep their integer part modulo 2^32.
 *
 * @see http://www.isthe.com/chongo/tech/comp/fnv/ (FNV-1a, offset basis 2166136261, prime 16777619)
 */
export function seedToInt(seed: Seed): number {
  if (typeof seed === 'number') return Math.trunc(seed) >>> 0;
  let hash = 2166136261;
  for (let i = 0; i < seed.length; i++) {
    hash ^= seed.charCodeAt(i);
    hash = Math.imul(hash, 16777619);
  }
  return hash >>> 0;
}

/** A seeded PRNG from a number or text seed. */
export function createRng(seed: Seed): Rng {
  return mulberry32(seedToInt(seed));
}

/** A whole number in [0, n) from `rng`. */
export function randomIndex(rng: Rng, n: number): number {
  return Math.min(n - 1, Math.floor(rng() * n));
}

/** A shuffled copy of `items` (Fisher–Yates, Knuth vol. 2 §3.4.2, Algorithm P). */
export function shuffled<T>(items: readonly T[], rng: Rng): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomIndex(rng, i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
