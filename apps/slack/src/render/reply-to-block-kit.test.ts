import type { Reply } from '@mlsys/core';
import { describe, expect, it } from 'vitest';
import { SLACK_LIMITS } from './limits.js';
import { replyToBlockKit } from './reply-to-block-kit.js';

const base = { visibility: 'public' as const, fallbackText: 'KV cache: 40.0 GiB' };

describe('replyToBlockKit', () => {
  it('renders a calculator reply as exact Block Kit', () => {
    const reply: Reply = {
      ...base,
      blocks: [
        { type: 'header', text: 'KV cache · Llama-3.1-70B' },
        {
          type: 'text',
          text: '**40.0 GiB** for 131,072 tokens — see [vLLM](https://arxiv.org/abs/2309.06180)',
        },
        { type: 'fields', fields: [{ label: 'KV dtype', value: '`bf16`' }] },
        {
          type: 'table',
          columns: [{ title: 'layers' }, { title: 'B/token', align: 'right' }],
          rows: [['80 full', '327,680']],
        },
        { type: 'code', text: '2 · L · n_kv · d · b = 327,680 B' },
        {
          type: 'chart',
          alt: 'KV cache vs context',
          chart: { kind: 'gpu-grid', title: 't', tp: 1, pp: 1, dp: 1, gpusPerNode: 8 },
        },
        { type: 'context', text: 'GiB = 2^30 bytes' },
        { type: 'divider' },
        {
          type: 'actions',
          actions: [
            { type: 'button', id: 'quiz:answer', label: 'A', value: 'q:0', style: 'primary' },
            { type: 'button', id: 'quiz:answer', label: 'B', value: 'q:1' },
          ],
        },
      ],
    };
    expect(replyToBlockKit(reply, { chartImages: [{ slack_file: { id: 'F123' } }] })).toEqual({
      text: 'KV cache: 40.0 GiB',
      blocks: [
        { type: 'header', text: { type: 'plain_text', text: 'KV cache · Llama-3.1-70B', emoji: true } },
        {
          type: 'section',
          text: {
            type: 'mrkdwn',
            text: '*40.0 GiB* for 131,072 tokens — see <https://arxiv.org/abs/2309.06180|vLLM>',
          },
        },
        { type: 'section', fields: [{ type: 'mrkdwn', text: '*KV dtype*\n`bf16`' }] },
        {
          type: 'section',
          text: { type: 'mrkdwn', text: '```layers   B/token\n-------  -------\n80 full  327,680```' },
        },
        { type: 'section', text: { type: 'mrkdwn', text: '```2 · L · n_kv · d · b = 327,680 B```' } },
        { type: 'image', alt_text: 'KV cache vs context', slack_file: { id: 'F123' } },
        { type: 'context', elements: [{ type: 'mrkdwn', text: 'GiB = 2^30 bytes' }] },
        { type: 'divider' },
        {
          type: 'actions',
          elements: [
            {
              type: 'button',
              action_id: 'quiz:answer#0',
              text: { type: 'plain_text', text: 'A', emoji: true },
              value: 'q:0',
              style: 'primary',
            },
            {
              type: 'button',
              action_id: 'quiz:answer#1',
              text: { type: 'plain_text', text: 'B', emoji: true },
              value: 'q:1',
            },
          ],
        },
      ],
    });
  });

  it('escapes user text so it cannot mention @channel or forge links', () => {
    const message = replyToBlockKit({
      ...base,
      blocks: [{ type: 'text', text: '<!channel> <https://evil|click> & co' }],
    });
    expect(message.blocks[0]).toEqual({
      type: 'section',
      text: { type: 'mrkdwn', text: '&lt;!channel&gt; &lt;https://evil|click&gt; &amp; co' },
    });
  });

  it('describes a chart in words when no image was uploaded', () => {
    const message = replyToBlockKit({
      ...base,
      blocks: [
        {
          type: 'chart',
          alt: 'Memory per GPU',
          chart: { kind: 'gpu-grid', title: 't', tp: 1, pp: 1, dp: 1, gpusPerNode: 8 },
        },
      ],
    });
    expect(message.blocks).toEqual([
      { type: 'context', elements: [{ type: 'mrkdwn', text: ':bar_chart: Memory per GPU' }] },
    ]);
  });

  it('splits long text, clips long tables and stays within the block and size budgets', () => {
    const long = Array.from({ length: 120 }, (_, i) => `line ${i} of a long explanation`).join('\n');
    const rows = Array.from({ length: 500 }, (_, i) => [`layout ${i}`, String(i)]);
    const message = replyToBlockKit({
      ...base,
      blocks: [
        { type: 'text', text: long },
        { type: 'table', columns: [{ title: 'layout' }, { title: 'n' }], rows },
        ...Array.from({ length: 80 }, () => ({ type: 'divider' as const })),
      ],
    });
    expect(message.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocksPerMessage);
    expect(JSON.stringify(message.blocks).length).toBeLessThan(SLACK_LIMITS.messageTextBudget + 200);
    for (const block of message.blocks) {
      if (block.type === 'section' && 'text' in block)
        expect(block.text.text.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
    }
    const texts = message.blocks.map((block) => JSON.stringify(block));
    expect(texts.some((text) => text.includes('more lines'))).toBe(true);
    expect(texts.at(-1)).toContain("more parts not shown (Slack's message limit).");
  });

  it("stops before Slack's size limit even with few blocks", () => {
    const paragraph = 'x'.repeat(2900);
    const message = replyToBlockKit({
      ...base,
      blocks: Array.from({ length: 10 }, () => ({ type: 'text' as const, text: paragraph })),
    });
    // Four 2,900-character sections fit the 12,000 budget; the fifth would not.
    expect(message.blocks).toHaveLength(5);
    expect(message.blocks[4]).toEqual({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: "… 6 more parts not shown (Slack's message limit)." }],
    });
  });
});
