import { mulberry32, randomIndex, shuffled as shuffledWith } from '@mlsys/corpus';
import type { Random } from './services.js';

/**
 * A reproducible {@link Random} from a 32-bit seed: the corpus's mulberry32 (Tommy Ettinger's
 * public-domain generator, period 2^32) behind the core's port. Good enough for shuffles and
 * simulations; not for secrets.
 *
 * @param seed Any integer; only its low 32 bits matter.
 */
export function createSeededRandom(seed: number): Random {
  return { next: mulberry32(seed) };
}

/** An integer in [0, n) from `random`. */
export function randomInt(random: Random, n: number): number {
  return randomIndex(() => random.next(), n);
}

/** A shuffled copy of `items` (Fisher–Yates), drawing from `random`. */
export function shuffled<T>(items: readonly T[], random: Random): T[] {
  return shuffledWith(items, () => random.next());
}
