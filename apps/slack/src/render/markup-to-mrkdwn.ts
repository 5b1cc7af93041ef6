import { type MarkupToken, parseMarkup } from '@mlsys/core';

/** Escapes the three characters Slack's mrkdwn reserves for control sequences. */
export function escapeMrkdwn(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/**
 * Neutral markup as Slack mrkdwn: `**bold**` → `*bold*`, `_italic_` stays, `` `code` `` stays,
 * `[label](url)` → `<url|label>`. Plain text is escaped, so user text cannot ping @channel or forge links.
 */
export function markupToMrkdwn(text: string): string {
  return parseMarkup(text).map(tokenToMrkdwn).join('');
}

function tokenToMrkdwn(token: MarkupToken): string {
  const inner = escapeMrkdwn(token.text);
  switch (token.kind) {
    case 'plain':
      return inner;
    case 'bold':
      return `*${inner}*`;
    case 'italic':
      return `_${inner}_`;
    case 'code':
      return `\`${inner}\``;
    case 'link':
      return `<${token.url}|${inner.replaceAll('|', '¦')}>`;
  }
}
