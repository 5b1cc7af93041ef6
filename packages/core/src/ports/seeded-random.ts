import type { Random } from './services.js';

/**
 * A reproducible {@link Random} from a 32-bit seed: mulberry32 (Tommy Ettinger's public-domain
 * generator, period 2^32). Good enough for shuffles and simulations; not for secrets.
 *
 * @param seed Any integer; only its low 32 bits matter.
 */
export function createSeededRandom(seed: number): Random {
  let state = seed >>> 0;
  return {
    next() {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
    },
  };
}

/** An integer in [0, n) from `random`. */
export function randomInt(random: Random, n: number): number {
  return Math.min(n - 1, Math.floor(random.next() * n));
}

/** A shuffled copy of `items` (Fisher–Yates). */
export function shuffled<T>(items: readonly T[], random: Random): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(random, i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
