import type { MarkupText } from '../reply/reply.js';

/** A piece of neutral markup: plain text, or one styled run. */
export type MarkupToken =
  | { kind: 'plain'; text: string }
  | { kind: 'bold' | 'italic' | 'code'; text: string }
  | { kind: 'link'; text: string; url: string };

const PATTERN = /\*\*(.+?)\*\*|(?<![\w])_(.+?)_(?![\w])|`([^`]+)`|\[([^\]]+)\]\((https?:\/\/[^)\s]+)\)/g;

/**
 * Splits neutral markup (`**bold**`, `_italic_`, `` `code` ``, `[label](url)`) into tokens that each
 * renderer writes in its own syntax. Anything else is plain text.
 */
export function parseMarkup(text: MarkupText): MarkupToken[] {
  const tokens: MarkupToken[] = [];
  let last = 0;
  for (const match of text.matchAll(PATTERN)) {
    if (match.index > last) tokens.push({ kind: 'plain', text: text.slice(last, match.index) });
    if (match[1] !== undefined) tokens.push({ kind: 'bold', text: match[1] });
    else if (match[2] !== undefined) tokens.push({ kind: 'italic', text: match[2] });
    else if (match[3] !== undefined) tokens.push({ kind: 'code', text: match[3] });
    else tokens.push({ kind: 'link', text: match[4]!, url: match[5]! });
    last = match.index + match[0].length;
  }
  if (last < text.length) tokens.push({ kind: 'plain', text: text.slice(last) });
  return tokens;
}

/** Neutral markup as plain text: styles dropped, links as `label (url)`. */
export function markupToPlain(text: MarkupText): string {
  return parseMarkup(text)
    .map((token) => (token.kind === 'link' ? `${token.text} (${token.url})` : token.text))
    .join('');
}
