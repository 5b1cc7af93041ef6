import { type MarkupToken, parseMarkup } from '@mlsys/core';

/**
 * Escapes Discord markdown in plain text: emphasis, code, spoiler and link brackets anywhere; quote,
 * heading and list markers at a line start; and breaks `@everyone` / `@here` mentions.
 */
export function escapeDiscord(text: string): string {
  return text
    .replace(/[\\*_`~|[\]]/g, '\\$&')
    .replace(/^([>#-])/gm, '\\$1')
    .replace(/@(everyone|here)/g, '@\u200b$1');
}

/**
 * Neutral markup as Discord markdown: bold, italic, inline code and masked links map one to one;
 * plain text is escaped, so user text cannot format, mention @everyone or forge links.
 */
export function markupToDiscord(text: string): string {
  return parseMarkup(text).map(tokenToDiscord).join('');
}

function tokenToDiscord(token: MarkupToken): string {
  switch (token.kind) {
    case 'plain':
      return escapeDiscord(token.text);
    case 'bold':
      return `**${escapeDiscord(token.text)}**`;
    case 'italic':
      return `*${escapeDiscord(token.text)}*`;
    case 'code':
      return `\`${token.text.replaceAll('`', 'ˋ')}\``;
    case 'link':
      return `[${escapeDiscord(token.text)}](${token.url})`;
  }
}
