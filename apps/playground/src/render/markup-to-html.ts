import { type MarkupToken, parseMarkup } from '@mlsys/core';

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/**
 * Neutral markup (`**bold**`, `_italic_`, `` `code` ``, `[label](url)`) as HTML; every piece of text is
 * escaped, links open in a new tab without passing the opener.
 */
export function markupToHtml(text: string): string {
  return parseMarkup(text).map(tokenToHtml).join('');
}

function tokenToHtml(token: MarkupToken): string {
  const inner = escapeHtml(token.text);
  switch (token.kind) {
    case 'plain':
      return inner.replaceAll('\n', '<br>');
    case 'bold':
      return `<strong>${inner}</strong>`;
    case 'italic':
      return `<em>${inner}</em>`;
    case 'code':
      return `<code>${inner}</code>`;
    case 'link':
      return `<a href="${escapeHtml(token.url)}" target="_blank" rel="noopener noreferrer">${inner}</a>`;
  }
}
