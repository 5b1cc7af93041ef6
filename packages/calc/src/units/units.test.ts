import { isUserError } from '@mlsys/errors';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseBytes } from './parse-bytes.js';
import { parseContextLength } from './parse-context-length.js';
import { parseCount } from './parse-count.js';
import { parseDtype } from './parse-dtype.js';
import { parseFraction, parseNumber, parsePositiveInt } from './parse-number.js';

describe('parseContextLength', () => {
  it.each([
    // k = 1024 for context lengths: Llama 3.1 max_position_embeddings = 131072 ("128k").
    ['128k', 131_072],
    ['131072', 131_072],
    ['131,072', 131_072],
    ['32K', 32_768],
    ['1m', 1_048_576],
    ['1.5k', 1_536],
    [' 8k ', 8_192],
    ['4096 tokens', 4_096],
    ['32k tokens', 32_768],
    ['32ktokens', 32_768],
    ['1m tok', 1_048_576],
    ['1 token', 1],
  ])('%s → %d tokens', (text, tokens) => {
    expect(parseContextLength(text)).toBe(tokens);
  });

  it.each(['12q', '0', '-5', '0.1k', '1e400', 'Infinity', 'NaN', '1g', '', 'k', '1e9', '128k tokens please'])(
    'refuses %j with a UserError',
    (text) => {
      expect(() => parseContextLength(text)).toThrowError(
        expect.objectContaining({ code: 'calc/bad-context-length' }),
      );
    },
  );

  it('names the bad text and gives an example', () => {
    try {
      parseContextLength('12q');
      expect.unreachable();
    } catch (error) {
      expect(isUserError(error) && error.toUserText()).toBe(
        '"12q" has an unknown unit "q" for a context length; use k (×1,024) or m (×1,048,576).\nExample: 128k (= 131,072 tokens)',
      );
    }
  });
});

describe('parseCount', () => {
  it.each([
    ['70b', 7e10],
    ['1.5T', 1.5e12],
    ['3.8e24', 3.8e24],
    ['15t', 1.5e13],
    ['405B', 4.05e11],
    ['6.7e9', 6.7e9],
    ['12k', 12_000],
    ['1_000_000', 1e6],
    ['7bn', 7e9],
  ])('%s → %d', (text, value) => {
    expect(parseCount(text)).toBe(value);
  });

  it.each(['0', '-70b', '1e31', '70x', 'seventy', '1e400', '--1'])('refuses %j', (text) => {
    expect(() => parseCount(text)).toThrowError(expect.objectContaining({ code: 'calc/bad-count' }));
  });

  describe('unitlessMin: a bare 70 for a parameter count means 70b, not 70 parameters', () => {
    const rule = { what: 'a parameter count', example: '70b', unitlessMin: 1e6, unitHints: ['b', 'm'] };

    it.each([
      ['70', ['70b', '70m']],
      ['999999', ['999999b', '999999m']],
      ['0.5', ['0.5b', '0.5m']],
    ])('refuses %j, suggesting %j', (text, suggestions) => {
      expect(() => parseCount(text, rule)).toThrowError(
        expect.objectContaining({
          code: 'calc/bad-count',
          example: '70b',
          suggestions,
          message: `"${text}" has no unit, so it would be read as a parameter count of ${Number(text).toLocaleString('en-US')}; without a unit it must be at least 1,000,000. Add a unit: k, M, B or T (powers of 10).`,
        }),
      );
    });

    it.each([
      ['1000000', 1e6],
      ['7e9', 7e9],
      ['70k', 70_000], // a unit says the size is meant
      ['70m', 70e6],
    ])('accepts %j → %d', (text, value) => {
      expect(parseCount(text, rule)).toBe(value);
    });

    it('leaves negatives to the sign check', () => {
      expect(() => parseCount('-5', rule)).toThrowError(/negative/);
    });
  });
});

describe('parseBytes', () => {
  it.each([
    // Data sheets state GPU memory in GB (10^9 B); allocators report GiB (2^30 B).
    ['80GB', 8e10],
    ['80GiB', 80 * 2 ** 30],
    ['192 GB', 1.92e11],
    ['24gib', 24 * 2 ** 30],
    ['512MiB', 512 * 2 ** 20],
  ])('%s → %d B', (text, bytes) => {
    expect(parseBytes(text)).toBe(bytes);
  });

  it.each(['80', '80G', '0GB', '-1GB', '2EB', '1e19B'])('refuses %j', (text) => {
    expect(() => parseBytes(text)).toThrowError(expect.objectContaining({ code: 'calc/bad-size' }));
  });
});

describe('parseDtype', () => {
  it.each([
    ['fp32', 'fp32', 4],
    ['float32', 'fp32', 4],
    ['FP16', 'fp16', 2],
    ['half', 'fp16', 2],
    ['bf16', 'bf16', 2],
    ['bfloat16', 'bf16', 2],
    ['fp8', 'fp8', 1],
    ['fp8_e4m3', 'fp8', 1],
    ['e5m2', 'fp8', 1],
    ['int8', 'int8', 1],
    ['int4', 'int4', 0.5],
  ])('%s → %s, %d B per element', (text, id, bytes) => {
    expect(parseDtype(text)).toMatchObject({ id, bytes });
  });

  it('suggests close spellings', () => {
    expect(() => parseDtype('bf61')).toThrowError(expect.objectContaining({ code: 'calc/bad-dtype' }));
    expect(() => parseDtype('constructor')).toThrowError(expect.objectContaining({ code: 'calc/bad-dtype' }));
  });
});

describe('parseNumber, parsePositiveInt, parseFraction', () => {
  it.each([
    [parseNumber('0.6'), 0.6],
    [parseNumber('1e-3'), 0.001],
    [parsePositiveInt('8'), 8],
    [parsePositiveInt('1,024'), 1024],
    [parseFraction('0.8'), 0.8],
    [parseFraction('80%'), 0.8],
    [parseFraction('.5'), 0.5],
    [parseFraction('1'), 1],
    [parseFraction('0', { allowZero: true }), 0],
  ])('reads %d', (actual, expected) => {
    expect(actual).toBeCloseTo(expected, 12);
  });

  it.each([
    () => parseNumber('8k'),
    () => parseNumber('-1'),
    () => parseNumber('1e31'),
    () => parsePositiveInt('0'),
    () => parsePositiveInt('2.5'),
    () => parsePositiveInt('2000000'),
    () => parseFraction('0'),
    () => parseFraction('1.2'),
    () => parseFraction('120%'),
    () => parseFraction('1', { allowOne: false }),
    () => parseFraction('0.5x'),
  ])('refuses bad input %#', (call) => {
    expect(call).toThrowError(expect.objectContaining({ name: 'UserError' }));
  });

  it.each([
    // /specdec draft_cost: 0 is allowed (a free draft), so "positive" would be wrong.
    [{ what: 'the draft cost c' }, '"-1" is negative; the draft cost c must be 0 or more.'],
    [
      { what: 'the GPU count', min: 0, minExclusive: true },
      '"-1" is negative; the GPU count must be positive.',
    ],
  ])('says what a negative value should be: %j', (rule, message) => {
    expect(() => parseNumber('-1', rule)).toThrowError(
      expect.objectContaining({ message: expect.stringContaining(message) }),
    );
  });
});

describe('every parser, any string', () => {
  const parsers: [string, (raw: string) => unknown][] = [
    ['parseContextLength', parseContextLength],
    ['parseCount', parseCount],
    ['parseBytes', parseBytes],
    ['parseDtype', (raw) => parseDtype(raw).bytes],
    ['parseNumber', parseNumber],
    ['parsePositiveInt', parsePositiveInt],
    ['parseFraction', parseFraction],
  ];
  // Strings near the grammar (digits, dots, exponents, units) as well as arbitrary text.
  const nearGrammar = fc
    .array(
      fc.constantFrom(
        ...'0123456789.,_eE+-kKmMbBtTgGiI% '.split(''),
        'GiB',
        'e400',
        'NaN',
        'Infinity',
        'constructor',
      ),
      { maxLength: 12 },
    )
    .map((parts) => parts.join(''));
  const anyText = fc.oneof(
    fc.string({ maxLength: 80 }),
    fc.string({ unit: 'grapheme', maxLength: 20 }),
    nearGrammar,
  );

  it.each(parsers)('%s returns a finite value or throws UserError', (_name, parse) => {
    fc.assert(
      fc.property(anyText, (raw) => {
        let value: unknown;
        try {
          value = parse(raw);
        } catch (error) {
          return isUserError(error);
        }
        return typeof value === 'number' && Number.isFinite(value) && value >= 0;
      }),
      { seed: 20240611, numRuns: 3000 },
    );
  });
});
