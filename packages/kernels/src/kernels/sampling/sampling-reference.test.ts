import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { filterRow, rankDescending, sampleFromFiltered } from './sampling-reference.js';

// softmax([2, 1, 0.5, 0.1]) = [0.5745, 0.2114, 0.1282, 0.0859] (e^z / 12.8612, worked by hand).
const LOGITS = [2, 1, 0.5, 0.1];

describe('rankDescending', () => {
  it('orders by value, equal values by lower index first (the ONNX TopK tie rule)', () => {
    expect(rankDescending([1, 3, 3, 0, 3])).toEqual([1, 2, 4, 0, 3]);
  });
});

describe('filterRow', () => {
  it.each([
    // [k, p, T, kept tokens, their renormalised probabilities]
    [0, 1, 1, [0, 1, 2, 3], [0.574522, 0.211355, 0.128193, 0.08593]], // no filter: plain softmax
    [2, 1, 1, [0, 1], [0.731059, 0.268941]], // softmax([2, 1]) = σ(1), 1 − σ(1)
    [1, 1, 1, [0], [1]], // k = 1 is greedy
    // p = 0.8: prefix masses 0, 0.5745, 0.7859 are < 0.8, 0.9141 is not → keep 3, divide by 0.9141.
    [0, 0.8, 1, [0, 1, 2], [0.628532, 0.231224, 0.140244]],
    [0, 0.5, 1, [0], [1]], // the top token alone already holds 0.5745 ≥ 0.5
    [0, 1e-9, 1, [0], [1]], // a tiny p always keeps the top token
    // top-k first, then top-p on the renormalised pair [0.7311, 0.2689]: 0.7311 ≥ 0.7 → keep one.
    [2, 0.7, 1, [0], [1]],
    // T = 0.5 sharpens: softmax([4, 2, 1, 0.2]) = [0.8282, 0.1121, 0.0412, 0.0185]; prefix masses
    // 0 and 0.8282 are < 0.9, 0.9403 is not → keep 2, renormalised to σ(2) = 0.8808 and 0.1192.
    [0, 0.9, 0.5, [0, 1], [0.880797, 0.119203]],
  ])('k=%d p=%d T=%d keeps %j with %j', (k, p, temperature, kept, probs) => {
    const row = filterRow(LOGITS, { k, p, temperature });
    expect(row.kept).toEqual(kept);
    for (const [j, q] of probs.entries()) expect(row.keptProbs[j]).toBeCloseTo(q, 5);
  });

  it('keeps exactly k tokens when the k-th logit is tied, lower index first', () => {
    const row = filterRow([1, 3, 3, 3, 0], { k: 2, p: 1, temperature: 1 });
    expect(row.kept).toEqual([1, 2]);
    expect([...row.probs]).toEqual([0, 0.5, 0.5, 0, 0]);
  });

  it('treats k larger than the vocabulary as no top-k', () => {
    expect(filterRow(LOGITS, { k: 50, p: 1, temperature: 1 }).kept).toEqual([0, 1, 2, 3]);
  });

  it('rejects p = 0, p > 1 and a negative k', () => {
    expect(() => filterRow(LOGITS, { k: 0, p: 0, temperature: 1 })).toThrow(RangeError);
    expect(() => filterRow(LOGITS, { k: 0, p: 1.5, temperature: 1 })).toThrow(RangeError);
    expect(() => filterRow(LOGITS, { k: -1, p: 1, temperature: 1 })).toThrow(RangeError);
  });

  it('always keeps the top token, keeps a prefix of the ranking and renormalises to 1 (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -50, max: 50, noNaN: true }), { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 0, max: 40 }),
        fc.double({ min: 1e-12, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 5, noNaN: true }),
        (logits, k, p, temperature) => {
          const row = filterRow(logits, { k, p, temperature });
          const ranked = rankDescending(logits);
          expect(row.kept).toEqual(ranked.slice(0, row.kept.length));
          expect(row.kept.length).toBeLessThanOrEqual(k === 0 ? logits.length : k);
          expect(row.keptProbs.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
          // The kept prefix reaches p of the pre-top-p mass, and no shorter prefix does.
          const massOf = (n: number) => row.beforeTopP.slice(0, n).reduce((a, b) => a + b, 0);
          if (p < 1 && row.kept.length < row.beforeTopP.length) {
            expect(massOf(row.kept.length)).toBeGreaterThanOrEqual(p);
          }
          if (p < 1 && row.kept.length > 1) expect(massOf(row.kept.length - 1)).toBeLessThan(p);
        },
      ),
      { seed: 7, numRuns: 300 },
    );
  });
});

describe('sampleFromFiltered', () => {
  // After top-p 0.8 the cumulative probabilities are 0.6285, 0.8598, 1.
  const row = filterRow(LOGITS, { k: 0, p: 0.8, temperature: 1 });
  it.each([
    [0, 0],
    [0.6285, 0],
    [0.6286, 1],
    [0.7, 1],
    [0.86, 2],
    [0.999999, 2],
  ])('u = %d picks token %d', (u, token) => {
    expect(sampleFromFiltered(row, u)).toBe(token);
  });

  it('samples each kept token with its probability (histogram of 20,000 stratified draws)', () => {
    const counts = [0, 0, 0, 0];
    const n = 20_000;
    for (let i = 0; i < n; i++) counts[sampleFromFiltered(row, (i + 0.5) / n)]!++;
    expect(counts.map((c) => c / n)).toEqual(
      [0.628532, 0.231224, 0.140244, 0].map((q) => expect.closeTo(q, 4)),
    );
  });
});
