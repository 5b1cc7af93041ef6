import { chartToSvg } from '@mlsys/charts';
import type { Action, Block, Reply } from '@mlsys/core';
import { escapeHtml, markupToHtml } from './markup-to-html.js';

/**
 * Renders a reply as an HTML fragment for the playground's channel view. Pure. Charts are inlined as
 * SVG; buttons carry their action id and value in data attributes for the page's script.
 */
export function replyToHtml(reply: Reply): string {
  const visibility = reply.visibility === 'ephemeral' ? ' ephemeral' : '';
  const note = reply.visibility === 'ephemeral' ? '<p class="only-you">Only you can see this.</p>' : '';
  return `<div class="reply${visibility}">${note}${reply.blocks.map(blockToHtml).join('')}</div>`;
}

function blockToHtml(block: Block): string {
  switch (block.type) {
    case 'header':
      return `<h3>${escapeHtml(block.text)}</h3>`;
    case 'text':
      return `<p>${markupToHtml(block.text)}</p>`;
    case 'context':
      return `<p class="context">${markupToHtml(block.text)}</p>`;
    case 'fields':
      return `<dl class="fields">${block.fields
        .map((field) => `<div><dt>${escapeHtml(field.label)}</dt><dd>${markupToHtml(field.value)}</dd></div>`)
        .join('')}</dl>`;
    case 'table': {
      const align = (i: number) => (block.columns[i]?.align === 'right' ? ' class="num"' : '');
      const head = block.columns
        .map((column, i) => `<th${align(i)}>${escapeHtml(column.title)}</th>`)
        .join('');
      const rows = block.rows
        .map((row) => `<tr>${row.map((cell, i) => `<td${align(i)}>${escapeHtml(cell)}</td>`).join('')}</tr>`)
        .join('');
      return `<div class="table-wrap"><table><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table></div>`;
    }
    case 'code':
      return `<pre><code>${escapeHtml(block.text)}</code></pre>`;
    case 'divider':
      return '<hr>';
    case 'chart':
      return `<figure class="chart" role="img" aria-label="${escapeHtml(block.alt)}">${chartToSvg(block.chart)}<figcaption>${escapeHtml(block.alt)}</figcaption></figure>`;
    case 'actions':
      return `<div class="actions">${block.actions.map(actionToHtml).join('')}</div>`;
  }
}

function actionToHtml(action: Action): string {
  const style = action.type === 'button' && action.style ? ` ${action.style}` : '';
  const common = `data-action="${escapeHtml(action.id)}" data-value="${escapeHtml(action.value)}"`;
  if (action.type === 'button')
    return `<button type="button" class="action${style}" ${common}>${escapeHtml(action.label)}</button>`;
  const placeholder =
    action.placeholder === undefined ? '' : ` data-placeholder="${escapeHtml(action.placeholder)}"`;
  return `<button type="button" class="action prompt" ${common} data-title="${escapeHtml(action.title)}" data-field="${escapeHtml(action.fieldLabel)}"${placeholder}>${escapeHtml(action.label)}</button>`;
}
