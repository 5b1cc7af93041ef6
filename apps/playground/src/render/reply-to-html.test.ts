import { describe, expect, it } from 'vitest';
import { replyToHtml } from './reply-to-html.js';

describe('replyToHtml', () => {
  it('renders every block kind as exact HTML', () => {
    const html = replyToHtml({
      visibility: 'public',
      fallbackText: 'x',
      blocks: [
        { type: 'header', text: 'KV cache · Llama <3.1>' },
        {
          type: 'text',
          text: '**40.0 GiB** for `131,072` tokens, _bf16_ — [vLLM](https://arxiv.org/abs/2309.06180)',
        },
        { type: 'fields', fields: [{ label: 'Batch', value: '1' }] },
        {
          type: 'table',
          columns: [{ title: 'Layers' }, { title: 'Bytes', align: 'right' }],
          rows: [['full', '327,680']],
        },
        { type: 'code', text: 'a < b' },
        { type: 'context', text: 'GiB = 2^30 B\nSource: x' },
        { type: 'divider' },
        {
          type: 'actions',
          actions: [{ type: 'button', id: 'quiz:answer', label: 'B', value: 'q1:1', style: 'primary' }],
        },
      ],
    });
    expect(html).toBe(
      '<div class="reply"><h3>KV cache · Llama &#60;3.1&#62;</h3>' +
        '<p><strong>40.0 GiB</strong> for <code>131,072</code> tokens, <em>bf16</em> — <a href="https://arxiv.org/abs/2309.06180" target="_blank" rel="noopener noreferrer">vLLM</a></p>' +
        '<dl class="fields"><div><dt>Batch</dt><dd>1</dd></div></dl>' +
        '<div class="table-wrap"><table><thead><tr><th>Layers</th><th class="num">Bytes</th></tr></thead><tbody><tr><td>full</td><td class="num">327,680</td></tr></tbody></table></div>' +
        '<pre><code>a &#60; b</code></pre>' +
        '<p class="context">GiB = 2^30 B<br>Source: x</p>' +
        '<hr>' +
        '<div class="actions"><button type="button" class="action primary" data-action="quiz:answer" data-value="q1:1">B</button></div></div>',
    );
  });

  it('marks ephemeral replies and escapes hostile text everywhere', () => {
    const html = replyToHtml({
      visibility: 'ephemeral',
      fallbackText: '',
      blocks: [
        { type: 'text', text: '<img src=x onerror=alert(1)>' },
        { type: 'actions', actions: [{ type: 'button', id: '"><script>', label: '<b>', value: "'" }] },
      ],
    });
    expect(html).toContain('<p class="only-you">Only you can see this.</p>');
    expect(html).not.toMatch(/<img|<script|<b>/);
  });

  it('inlines charts as SVG with their text alternative', () => {
    const html = replyToHtml({
      visibility: 'public',
      fallbackText: '',
      blocks: [
        {
          type: 'chart',
          alt: 'KV cache grows linearly',
          chart: { kind: 'gpu-grid', title: 'L', tp: 2, pp: 1, dp: 1, gpusPerNode: 8 },
        },
      ],
    });
    expect(html).toMatch(
      /^<div class="reply"><figure class="chart" role="img" aria-label="KV cache grows linearly"><svg /,
    );
    expect(html).toContain('<figcaption>KV cache grows linearly</figcaption>');
  });
});
