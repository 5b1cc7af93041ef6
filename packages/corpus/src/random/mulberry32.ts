/** A seeded source of floats in [0, 1). */
export type Rng = () => number;

/**
 * mulberry32: a 32-bit-state PRNG by Tommy Ettinger, small and fast, good enough for drawing and
 * shuffling questions (not for anything secret). The same seed always yields the same sequence.
 *
 * @param seed - any number; only its low 32 bits are used.
 * @see https://gist.github.com/tommyettinger/46a874533244883189143505d203312c
 */
export function mulberry32(seed: number): Rng {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
