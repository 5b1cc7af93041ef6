import type { Block, Reply, TableColumn } from '../reply/reply.js';
import { markupToPlain } from './markup.js';

/**
 * Renders a reply as terminal text: headers underlined, tables aligned in columns, work shown as an
 * indented block, buttons listed. Pure; used by the CLI and for fallback text.
 */
export function replyToPlainText(reply: Reply): string {
  return reply.blocks
    .map(blockToPlainText)
    .filter((text) => text !== '')
    .join('\n\n');
}

function blockToPlainText(block: Block): string {
  switch (block.type) {
    case 'header':
      return `${block.text}\n${'='.repeat(block.text.length)}`;
    case 'text':
    case 'context':
      return markupToPlain(block.text);
    case 'fields': {
      const width = Math.max(...block.fields.map((field) => field.label.length));
      return block.fields
        .map((field) => `${field.label.padEnd(width)}  ${markupToPlain(field.value)}`)
        .join('\n');
    }
    case 'table':
      return tableToPlainText(block.columns, block.rows);
    case 'code':
      return block.text
        .split('\n')
        .map((line) => `  ${line}`)
        .join('\n');
    case 'divider':
      return '-'.repeat(40);
    case 'chart':
      return `[chart] ${block.alt}`;
    case 'actions':
      return block.actions.map((action) => `[ ${action.label} ]`).join(' ');
  }
}

/** A table with columns padded to their widest cell; right-aligned columns for numbers. */
export function tableToPlainText(columns: TableColumn[], rows: string[][]): string {
  const widths = columns.map((column, i) =>
    Math.max(column.title.length, ...rows.map((row) => (row[i] ?? '').length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (columns[i]?.align === 'right' ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  const rule = widths.map((width) => '-'.repeat(width)).join('  ');
  return [line(columns.map((column) => column.title)), rule, ...rows.map(line)].join('\n');
}
