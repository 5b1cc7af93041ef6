import { isUserError } from '@mlsys/errors';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenizeArgs } from './tokenize-args.js';

describe('tokenizeArgs', () => {
  it.each([
    ['llama-70b 128k batch=8', ['llama-70b', '128k'], { batch: '8' }],
    ['  a   b  ', ['a', 'b'], {}],
    ['gpu-name="H100 SXM" x', ['x'], { gpu_name: 'H100 SXM' }],
    ['“quoted words” k=‘v w’', ['quoted words'], { k: 'v w' }],
    ['{"a": {"b": "c d"}, "e": [1, 2]} 32k', ['{"a": {"b": "c d"}, "e": [1, 2]}', '32k'], {}],
    ['"x=y"', ['x=y'], {}],
    ['logits=2,1,0.5 p=0.8', [], { logits: '2,1,0.5', p: '0.8' }],
  ])('splits %j', (text, positional, named) => {
    const words = tokenizeArgs(text);
    expect(words.positional).toEqual(positional);
    expect(Object.fromEntries(words.named)).toEqual(named);
  });

  it.each([
    ['"open', 'core/open-quote'],
    ['{"a": 1', 'core/open-bracket'],
    ['a=1 A=2', 'core/repeated-option'],
    ['x'.repeat(20_001), 'core/arguments-too-long'],
  ])('refuses %j', (text, code) => {
    expect(() => tokenizeArgs(text)).toThrowError(expect.objectContaining({ code }));
  });

  it('names both values of a repeated option and shows the last one as the example', () => {
    expect(() => tokenizeArgs('batch=2 Batch=3')).toThrowError(
      expect.objectContaining({
        message: 'The option "batch" is given twice (batch=2 and batch=3); keep one.',
        example: 'batch=3',
      }),
    );
  });

  it('throws nothing but UserError on any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        try {
          tokenizeArgs(text);
        } catch (error) {
          if (!isUserError(error)) throw error;
        }
      }),
      { numRuns: 2000, seed: 42 },
    );
  });
});
