import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from './mulberry32.js';
import { createRng, seedToInt, shuffled } from './seed.js';

/** mulberry32 as published in Tommy Ettinger's gist, kept verbatim in shape to cross-check ours. */
function reference(a: number) {
  return () => {
    a += 0x6d2b79f5;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('mulberry32', () => {
  it('matches the reference implementation for any seed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), (seed) => {
        const ours = mulberry32(seed);
        const theirs = reference(seed);
        for (let i = 0; i < 20; i++) expect(ours()).toBe(theirs());
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  it('spreads draws evenly over ten buckets (chi-square, 9 d.o.f., p = 0.001 bound 27.88)', () => {
    const rng = mulberry32(7);
    const counts = new Array<number>(10).fill(0);
    const n = 100_000;
    for (let i = 0; i < n; i++) counts[Math.floor(rng() * 10)]!++;
    const chi2 = counts.reduce((sum, count) => sum + (count - n / 10) ** 2 / (n / 10), 0);
    expect(chi2).toBeLessThan(27.88);
  });
});

describe('seedToInt', () => {
  it.each([
    // FNV-1a 32-bit test vectors from the reference page (isthe.com/chongo/tech/comp/fnv).
    ['', 0x811c9dc5],
    ['a', 0xe40c292c],
    ['foobar', 0xbf9cf968],
  ])('hashes %j to %d (FNV-1a)', (text, expected) => {
    expect(seedToInt(text)).toBe(expected);
  });

  it('keeps numbers modulo 2^32', () => {
    expect(seedToInt(5)).toBe(5);
    expect(seedToInt(2 ** 32 + 3)).toBe(3);
    expect(seedToInt(-1)).toBe(2 ** 32 - 1);
  });
});

describe('shuffled', () => {
  it('returns a permutation and leaves the input alone', () => {
    fc.assert(
      fc.property(fc.array(fc.integer()), fc.integer(), (items, seed) => {
        const copy = [...items];
        const out = shuffled(items, createRng(seed));
        expect(items).toEqual(copy);
        expect([...out].sort((a, b) => a - b)).toEqual([...items].sort((a, b) => a - b));
      }),
      { seed: 42 },
    );
  });

  it('is reproducible from a seed and puts each item first about equally often', () => {
    expect(shuffled([1, 2, 3, 4, 5], createRng('s'))).toEqual(shuffled([1, 2, 3, 4, 5], createRng('s')));
    const first = new Array<number>(4).fill(0);
    const rng = createRng(1);
    for (let i = 0; i < 40_000; i++) first[shuffled([0, 1, 2, 3], rng)[0]!]!++;
    for (const count of first) expect(Math.abs(count - 10_000)).toBeLessThan(400);
  });
});
