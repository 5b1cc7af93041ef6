import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { softmaxRows, softmaxWithTemperature } from './softmax-reference.js';

describe('softmaxWithTemperature', () => {
  it.each([
    // Hand-checkable: e^1, e^2, e^3 over their sum 30.1929 → 0.09003, 0.24473, 0.66524.
    [[1, 2, 3], 1, [0.09003057, 0.24472847, 0.66524096]],
    // T = 0.5 doubles the logits: e^2, e^4, e^6 over 466.42 → 0.01587, 0.11731, 0.86681.
    [[1, 2, 3], 0.5, [0.01587624, 0.11731043, 0.86681333]],
    // T = 2 halves them: e^0.5, e^1, e^1.5 over 8.8502 → 0.18632, 0.30720, 0.50648.
    [[1, 2, 3], 2, [0.18632372, 0.30719589, 0.50648039]],
    // Equal logits give the uniform distribution at every temperature.
    [[5, 5, 5, 5], 0.3, [0.25, 0.25, 0.25, 0.25]],
  ])('softmax(%j, T=%d) = %j', (logits, temperature, expected) => {
    const probs = softmaxWithTemperature(logits, temperature);
    for (const [i, value] of expected.entries()) expect(probs[i]).toBeCloseTo(value, 7);
  });

  it('is shift-invariant, so logits of 1e30 or −1e30 give no NaN', () => {
    const probs = softmaxWithTemperature([1e30, 1e30 - 1e15 * 4, -1e30], 1);
    expect([...probs]).toEqual([1, 0, 0]);
    const near = softmaxWithTemperature([1000, 999, 990], 1);
    expect(near[0]).toBeCloseTo(1 / (1 + Math.exp(-1) + Math.exp(-10)), 12);
  });

  it('T = 0 puts all mass on the argmax and splits exact ties equally', () => {
    expect([...softmaxWithTemperature([0.1, 3, -2], 0)]).toEqual([0, 1, 0]);
    expect([...softmaxWithTemperature([3, 1, 3], 0)]).toEqual([0.5, 0, 0.5]);
  });

  it('approaches the T = 0 limit as T → 0⁺', () => {
    const logits = [0.1, 3, 2.999];
    expect(softmaxWithTemperature(logits, 1e-6)[1]).toBeCloseTo(1, 12);
    expect([...softmaxWithTemperature(logits, 1e-300)]).toEqual([0, 1, 0]);
  });

  it('rejects a negative temperature and an empty row', () => {
    expect(() => softmaxWithTemperature([1], -1)).toThrow(RangeError);
    expect(() => softmaxWithTemperature([], 1)).toThrow(RangeError);
  });

  it('sums to 1, keeps the order of the logits and never returns NaN (property)', () => {
    const logit = fc.double({ min: -1e6, max: 1e6, noNaN: true });
    fc.assert(
      fc.property(
        fc.array(logit, { minLength: 1, maxLength: 40 }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        (logits, t) => {
          const probs = softmaxWithTemperature(logits, t);
          const sum = probs.reduce((a, b) => a + b, 0);
          expect(sum).toBeCloseTo(1, 9);
          for (let i = 0; i < logits.length; i++) {
            expect(Number.isNaN(probs[i])).toBe(false);
            for (let j = 0; j < logits.length; j++) {
              if (logits[i]! > logits[j]!) expect(probs[i]).toBeGreaterThanOrEqual(probs[j]!);
            }
          }
        },
      ),
      { seed: 20240601, numRuns: 200 },
    );
  });
});

describe('softmaxRows', () => {
  it('normalises each row on its own', () => {
    const probs = softmaxRows([1, 2, 3, 0, 0, 0], 2, 3, 1);
    expect(probs[2]).toBeCloseTo(0.66524096, 7);
    expect(probs[3]).toBeCloseTo(1 / 3, 12);
  });
});
