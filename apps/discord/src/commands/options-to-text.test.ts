import { tokenizeArgs } from '@mlsys/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { optionsToText } from './options-to-text.js';

describe('optionsToText', () => {
  it.each([
    [null, [], ''],
    [
      'start',
      [
        ['topic', 'kv-cache'],
        ['rounds', 3],
      ],
      'start topic=kv-cache rounds=3',
    ],
    [
      null,
      [
        ['alpha', 0.8],
        ['fast', true],
      ],
      'alpha=0.8 fast=true',
    ],
    [null, [['name', 'two words']], 'name="two words"'],
    [null, [['name', 'say "hi" now']], `name='say "hi" now'`],
    [null, [['model', '{"hidden_size": 4096}']], 'model={"hidden_size": 4096}'],
  ] as const)('%s %j → %s', (sub, options, expected) => {
    expect(optionsToText(sub, options)).toBe(expected);
  });

  it('gives back every string value through the core tokenizer', () => {
    const value = fc
      .string({ minLength: 1, maxLength: 40 })
      .filter((v) => !/^[{[]/.test(v) && v.trim() === v && v.length > 0);
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.stringMatching(/^[a-z][a-z0-9_]{0,8}$/), { maxLength: 4 }),
        fc.array(value, { minLength: 4, maxLength: 4 }),
        (names, values) => {
          const pairs = names.map((name, i) => [name, values[i]!] as const);
          const words = tokenizeArgs(optionsToText(null, pairs));
          for (const [name, v] of pairs) {
            // A value holding both quote kinds loses its single quotes (Discord text has no escape).
            const expected = v.includes('"') ? v.replaceAll("'", '') : v;
            expect(words.named.get(name)).toBe(expected);
          }
        },
      ),
      { seed: 20_260_302, numRuns: 300 },
    );
  });
});
