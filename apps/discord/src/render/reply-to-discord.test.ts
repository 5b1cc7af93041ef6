import { describe, expect, it } from 'vitest';
import { DISCORD_LIMITS } from './limits.js';
import { replyToDiscord } from './reply-to-discord.js';

const chart = { kind: 'gpu-grid' as const, title: 't', tp: 1, pp: 1, dp: 1, gpusPerNode: 8 };

describe('replyToDiscord', () => {
  it('renders a calculator reply as an exact embed', () => {
    expect(
      replyToDiscord({
        visibility: 'public',
        fallbackText: 'x',
        blocks: [
          { type: 'header', text: 'KV cache · Llama-3.1-70B' },
          { type: 'text', text: '**40.0 GiB** for 131,072 tokens' },
          { type: 'fields', fields: [{ label: 'KV dtype', value: '`bf16`' }] },
          { type: 'code', text: '2 · L · n_kv · d · b = 327,680 B' },
          { type: 'chart', alt: 'KV cache vs context', chart },
          { type: 'context', text: 'GiB = 2^30 bytes' },
          { type: 'context', text: 'Source: [vLLM](https://arxiv.org/abs/2309.06180)' },
        ],
      }),
    ).toEqual({
      embeds: [
        {
          color: 0x0072b2,
          title: 'KV cache · Llama-3.1-70B',
          description: '**40.0 GiB** for 131,072 tokens\n\n```\n2 · L · n_kv · d · b = 327,680 B\n```',
          fields: [{ name: 'KV dtype', value: '`bf16`', inline: true }],
          footer: { text: 'GiB = 2^30 bytes\nSource: vLLM (https://arxiv.org/abs/2309.06180)' },
          image: { url: 'attachment://chart-0.png' },
        },
      ],
      components: [],
    });
  });

  it('puts buttons in rows of five with id|value custom ids, prompts marked', () => {
    const message = replyToDiscord({
      visibility: 'ephemeral',
      fallbackText: 'q',
      blocks: [
        {
          type: 'actions',
          actions: [
            ...['A', 'B', 'C', 'D', 'E', 'F'].map((label, i) => ({
              type: 'button' as const,
              id: 'quiz:answer',
              label,
              value: `q1:${i}`,
            })),
            {
              type: 'prompt',
              id: 'quiz:numeric',
              label: 'Type a number',
              value: 'q2',
              title: 'Your answer',
              fieldLabel: 'GiB',
            },
          ],
        },
      ],
    });
    expect(message.flags).toBe(64);
    expect(message.components.map((row) => row.components.map((button) => button.custom_id))).toEqual([
      ['quiz:answer|q1:0', 'quiz:answer|q1:1', 'quiz:answer|q1:2', 'quiz:answer|q1:3', 'quiz:answer|q1:4'],
      ['quiz:answer|q1:5', '?quiz:numeric|q2'],
    ]);
    expect(message.components[0]!.components[0]).toEqual({
      type: 2,
      style: 2,
      label: 'A',
      custom_id: 'quiz:answer|q1:0',
    });
  });

  it('escapes user text: no formatting, no @everyone, no forged links', () => {
    const message = replyToDiscord({
      visibility: 'public',
      fallbackText: '',
      blocks: [{ type: 'text', text: '@everyone *bold* [x](y)\n# big' }],
    });
    expect(message.embeds[0]!.description).toBe('@\u200beveryone \\*bold\\* \\[x\\](y)\n\\# big');
  });

  it('keeps all embeds within the 6,000-character total', () => {
    const message = replyToDiscord({
      visibility: 'public',
      fallbackText: '',
      blocks: [
        { type: 'text', text: 'y'.repeat(5000) },
        {
          type: 'fields',
          fields: Array.from({ length: 30 }, (_, i) => ({ label: `f${i}`, value: 'v'.repeat(100) })),
        },
        ...Array.from({ length: 12 }, () => ({ type: 'chart' as const, alt: 'c', chart })),
      ],
    });
    const [main, ...rest] = message.embeds;
    expect(main!.fields).toHaveLength(DISCORD_LIMITS.embedFields);
    expect(message.embeds).toHaveLength(DISCORD_LIMITS.embedsPerMessage);
    expect(rest.map((embed) => embed.image?.url)[0]).toBe('attachment://chart-1.png');
    const total =
      (main!.description?.length ?? 0) +
      main!.fields!.reduce((sum, f) => sum + f.name.length + f.value.length, 0);
    expect(total).toBeLessThanOrEqual(DISCORD_LIMITS.embedTotal);
  });
});
