import { defineCommand, defineCommandGroup, option } from '@mlsys/core';
import { describe, expect, it } from 'vitest';
import { completeLine } from './complete-line.js';

const text = (description: string) => option({ description, parse: (raw) => raw });
const kvcache = defineCommand({
  name: 'kvcache',
  description: 'KV cache',
  options: {
    model: option({
      description: 'Model',
      positional: true,
      required: true,
      complete: 'model',
      parse: (raw) => raw,
    }),
    context: option({ description: 'Tokens', positional: true, required: true, parse: (raw) => raw }),
    dtype: option({ description: 'KV dtype', choices: ['bf16', 'fp8'], parse: (raw) => raw }),
  },
  examples: ['llama-70b 128k'],
  cost: 1,
  run: () => ({ visibility: 'public', blocks: [], fallbackText: '' }),
});
const quiz = defineCommandGroup({
  name: 'quiz',
  description: 'Quiz',
  subcommands: [
    { ...kvcache, name: 'start', options: { topic: { ...text('Topic'), complete: 'topic' } } },
    { ...kvcache, name: 'join', options: {} },
  ],
});
const sources = {
  model: () => ['llama-3.1-70b', 'llama-3.1-8b', 'mixtral-8x7b'],
  topic: () => ['attention', 'kv-cache'],
};

describe('completeLine', () => {
  it.each([
    ['/k', ['/kvcache']],
    ['/kvcache lla', ['/kvcache llama-3.1-70b', '/kvcache llama-3.1-8b']],
    ['/kvcache llama-3.1-8b 32k dt', ['/kvcache llama-3.1-8b 32k dtype=']],
    ['/kvcache llama-3.1-8b 32k dtype=f', ['/kvcache llama-3.1-8b 32k dtype=fp8']],
    ['/quiz ', ['/quiz start', '/quiz join']],
    ['/quiz start topic=k', ['/quiz start topic=kv-cache']],
    ['hello', []],
    ['/nope x', []],
    ['/kvcache llama-3.1-8b 32k constructor=', []],
    ['/kvcache llama-3.1-8b 32k __proto__=x', []],
  ])('completes %j', (line, expected) => {
    expect(completeLine(line, [kvcache, quiz], sources)).toEqual(expected);
  });
});
