import { UserError } from '@mlsys/errors';
import { describe, expect, it } from 'vitest';
import { defineCommand, defineCommandGroup } from './define-command.js';
import { option } from './option.js';
import { parseInput, resolveCommand } from './parse-input.js';

function parseCount(raw: string): number {
  if (!/^\d+$/.test(raw)) throw new UserError('test/bad-count', 'must be a whole number', { example: '8' });
  return Number(raw);
}

const demo = defineCommand({
  name: 'demo',
  description: 'A command for tests',
  options: {
    model: option({ description: 'Model id', positional: true, required: true, parse: (raw) => raw }),
    batch: option({ description: 'Batch size', kind: 'integer', default: '1', parse: parseCount }),
    tp: option({ description: 'Tensor parallel', kind: 'integer', parse: parseCount }),
    dtype: option({
      description: 'KV dtype',
      choices: ['bf16', 'fp8'],
      default: 'bf16',
      parse: (raw) => raw,
    }),
  },
  examples: ['llama-70b batch=8'],
  cost: 1,
  run: () => ({ visibility: 'public', blocks: [], fallbackText: '' }),
});

describe('parseInput', () => {
  it('fills positional, named and default options with typed values', () => {
    expect(parseInput(demo, 'llama-70b tp=4 DTYPE=FP8')).toEqual({
      model: 'llama-70b',
      batch: 1,
      tp: 4,
      dtype: 'fp8',
    });
    expect(parseInput(demo, 'model=x batch=3')).toEqual({
      model: 'x',
      batch: 3,
      tp: undefined,
      dtype: 'bf16',
    });
  });

  it('gives a unit word after a number to that number ("128k tokens"), not to the next option', () => {
    expect(parseInput(demo, '70 tokens batch=2')).toMatchObject({ model: '70 tokens', batch: 2 });
    expect(parseInput(demo, '70 Tok')).toMatchObject({ model: '70 Tok' });
  });

  it.each([
    ['', 'core/missing-option', 'Missing model: Model id.'],
    ['a b', 'core/extra-argument', 'Unexpected "b".'],
    ['llama tokens', 'core/extra-argument', 'Unexpected "tokens".'], // not after a number
    ['a bacth=2', 'core/unknown-option', '/demo has no option "bacth".'],
    ['a dtype=int3', 'core/bad-choice', 'dtype must be one of bf16, fp8; got "int3".'],
    ['a batch=x', 'core/bad-option', 'Bad batch "x": must be a whole number (e.g. 8)'],
  ])('refuses %j with a clear message', (text, code, message) => {
    let caught: UserError | undefined;
    try {
      parseInput(demo, text);
    } catch (error) {
      caught = error as UserError;
    }
    expect(caught?.code).toBe(code);
    expect(caught?.message.split('\nUsage:')[0]).toBe(message);
    expect(caught?.example).toBe('/demo llama-70b batch=8');
  });

  it('suggests the option a typo meant', () => {
    expect(() => parseInput(demo, 'a bacth=2')).toThrowError(
      expect.objectContaining({ suggestions: ['batch'] }),
    );
  });
});

describe('resolveCommand', () => {
  const group = defineCommandGroup({
    name: 'quiz',
    description: 'Quiz battles',
    subcommands: [{ ...demo, name: 'start' }],
  });

  it('picks the subcommand by its first word', () => {
    expect(resolveCommand(group, ' start llama batch=2')).toMatchObject({
      path: 'quiz start',
      text: ' llama batch=2',
    });
  });

  it('names the subcommands when the word is unknown', () => {
    expect(() => resolveCommand(group, 'strat')).toThrowError(/has no subcommand "strat": start/);
  });
});

describe('option types', () => {
  it('types an option with a default as always present', () => {
    const input = parseInput(demo, 'llama');
    // `batch` has a default: a number, not number | undefined (a type error here otherwise).
    const batch: number = input.batch;
    const tp: number | undefined = input.tp;
    expect([batch, tp]).toEqual([1, undefined]);
  });
});
