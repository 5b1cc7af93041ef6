import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SAMPLE_QUESTIONS } from '../testing/sample-questions.js';
import { gradeAnswer, parseNumber } from './grade-answer.js';
import { speedPoints, streakBonus } from './scoring.js';

const KAHOOT = 'shared/reference/quiz-and-platforms.md (Kahoot speed scoring)';

describe('speedPoints', () => {
  it.each([
    // [t ms, T ms, points, source]
    [400, 20_000, 1000, `${KAHOOT}: under 0.5 s earns the full 1000`],
    [0, 20_000, 1000, KAHOOT],
    [499, 20_000, 1000, KAHOOT],
    [10_000, 20_000, 750, `${KAHOOT}: round((1 − (10/20)/2) · 1000)`],
    [20_000, 20_000, 500, `${KAHOOT}: a correct answer earns 50–100%`],
    [1_000, 20_000, 975, `${KAHOOT}: round((1 − (1/20)/2) · 1000)`],
    [5_000, 30_000, 917, `${KAHOOT}: round(916.67)`],
    [25_000, 20_000, 500, 'clamped at the timer'],
  ])('t=%i ms of T=%i ms earns %i (%s)', (t, timer, points) => {
    expect(speedPoints(t, timer)).toBe(points);
  });

  it('gives 1000 to every correct answer when speed scoring is off', () => {
    expect(speedPoints(19_000, 20_000, false)).toBe(1000);
  });

  it('stays within 500…1000 and never rises with time', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60_000 }), fc.integer({ min: 0, max: 60_000 }), (a, b) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        const p = speedPoints(early, 20_000);
        return p >= 500 && p <= 1000 && p >= speedPoints(late, 20_000);
      }),
      { seed: 42 },
    );
  });
});

describe('streakBonus', () => {
  it.each([
    [1, 0, `${KAHOOT}: bonus from the 2nd consecutive correct answer`],
    [2, 100, KAHOOT],
    [3, 200, `${KAHOOT}: a streak of 3 earns +100 then +200`],
    [6, 500, `${KAHOOT}: capped at +500`],
    [12, 500, KAHOOT],
    [0, 0, 'no streak'],
  ])('streak %i earns +%i (%s)', (streak, bonus) => {
    expect(streakBonus(streak)).toBe(bonus);
  });
});

describe('gradeAnswer', () => {
  const [kvHeads, bytesPerToken, contextTokens, mixtral] = SAMPLE_QUESTIONS;
  it.each([
    [kvHeads!, '0', 1],
    [kvHeads!, '1', 0],
    [kvHeads!, '9', 0],
    [kvHeads!, 'A', 0],
    [mixtral!, '1', 1],
    [bytesPerToken!, '128', 1],
    [bytesPerToken!, '130.5', 1], // within ±2 % of 128
    [bytesPerToken!, '125.44', 1], // exactly −2 %
    [bytesPerToken!, '137', 0.5], // +7 %: within ±10 %
    [bytesPerToken!, '141.9', 0], // +10.9 %
    [bytesPerToken!, 'lots', 0],
    [contextTokens!, '131,072', 1],
    [contextTokens!, '131072', 1],
    [contextTokens!, '128000', 0], // tolerance 0: exact only
  ])('%# %s', (question, answer, credit) => {
    expect(gradeAnswer(question, answer)).toBe(credit);
  });
});

describe('parseNumber', () => {
  it.each([
    ['42', 42],
    [' -3.5 ', -3.5],
    ['1e3', 1000],
    ['131,072', 131_072],
    ['1 048 576', 1_048_576],
    ['12%', 12],
    ['.5', 0.5],
  ])('%j → %d', (text, value) => {
    expect(parseNumber(text)).toBe(value);
  });
  it.each(['', 'abc', '1,2', '12 GiB', '0x10', 'Infinity', '1e999', '--1'])('%j is not a number', (text) => {
    expect(parseNumber(text)).toBeUndefined();
  });
});
