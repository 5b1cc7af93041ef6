import { describe, expect, it } from 'vitest';
import {
  formatBinaryBytes,
  formatCount,
  formatDecimalBytes,
  formatInt,
  formatScientific,
  formatSig,
} from './format-number.js';

describe('number formatting', () => {
  it.each([
    [formatInt(131072), '131,072'],
    [formatSig(40.0000001), '40.0'],
    [formatSig(0.123456), '0.123'],
    [formatSig(2.3056, 5), '2.3056'],
    [formatScientific(5.76e23), '5.76e23'],
    // Llama-3.1-70B KV cache at 131,072 tokens in bf16 (formulas.md): 327,680 B × 131,072 = 40 GiB.
    [formatBinaryBytes(327_680 * 131_072), '40.0 GiB'],
    // OPT-13B KV per token in fp16 (vLLM paper §3): 800 KiB.
    [formatBinaryBytes(819_200), '800 KiB'],
    [formatBinaryBytes(512), '512 B'],
    // ZeRO paper §3.1: 7.5B parameters × 16 B = 120 GB.
    [formatDecimalBytes(7.5e9 * 16), '120 GB'],
    [formatCount(70_553_706_496), '70.6B'],
    [formatCount(1.5e12), '1.50T'],
    [formatCount(999), '999'],
    // Past T, scientific: 1e30 once printed "1.00e15Q" (formatSig's exponent under a Q suffix).
    [formatCount(999.4e12), '999T'],
    [formatCount(1e15), '1.00e15'],
    [formatCount(1e30), '1.00e30'],
  ])('formats as %s', (actual, expected) => {
    expect(actual).toBe(expected);
  });
});
