import { describe, expect, it } from 'vitest';
import { calculatorReply } from './calculator-reply.js';

describe('calculatorReply', () => {
  it('lays out an answer in reading order with work shown and sources', () => {
    const reply = calculatorReply({
      title: 'Speculative decoding',
      summary: '**2.31×** expected speed-up',
      fields: [{ label: 'α', value: '0.6' }],
      work: [
        {
          label: 'Expected tokens per target pass',
          formula: '(1 − α^(γ+1)) / (1 − α)',
          substituted: '(1 − 0.6^5) / (1 − 0.6)',
          result: '2.3056',
        },
      ],
      notes: ['Draft cost c = 0'],
      sources: ['Leviathan et al. 2023, Eq. 1'],
      data: { speedup: 2.3056 },
    });
    expect(reply).toEqual({
      visibility: 'public',
      blocks: [
        { type: 'header', text: 'Speculative decoding' },
        { type: 'text', text: '**2.31×** expected speed-up' },
        { type: 'fields', fields: [{ label: 'α', value: '0.6' }] },
        {
          type: 'code',
          text: 'Expected tokens per target pass\n  (1 − α^(γ+1)) / (1 − α) = (1 − 0.6^5) / (1 − 0.6) = 2.3056',
        },
        { type: 'context', text: 'Draft cost c = 0\nSource: Leviathan et al. 2023, Eq. 1' },
      ],
      fallbackText: 'Speculative decoding: 2.31× expected speed-up',
      data: { speedup: 2.3056 },
    });
  });

  it('puts warnings right under the headline, each on its own ⚠️ line', () => {
    const reply = calculatorReply({
      title: 'KV cache · Llama-2-7B',
      summary: '**64.0 GiB**',
      warnings: ["131,072 tokens exceeds this model's maximum context of 4,096 tokens"],
      fields: [{ label: 'Model', value: 'Llama-2-7B' }],
      work: [],
      data: {},
    });
    expect(reply.blocks.slice(0, 4)).toEqual([
      { type: 'header', text: 'KV cache · Llama-2-7B' },
      { type: 'text', text: '**64.0 GiB**' },
      { type: 'text', text: "⚠️ 131,072 tokens exceeds this model's maximum context of 4,096 tokens" },
      { type: 'fields', fields: [{ label: 'Model', value: 'Llama-2-7B' }] },
    ]);
  });
});
