import { UserError } from '@mlsys/errors';

/** The longest argument text accepted (a pasted `config.json` fits easily). */
export const MAX_ARGUMENT_TEXT = 20_000;

/** Words of an argument text: `positional` in order and `named` from `key=value`. */
export interface ArgumentWords {
  positional: string[];
  named: Map<string, string>;
}

const NAMED = /^([A-Za-z][A-Za-z0-9_-]*)=(.*)$/s;

/**
 * Splits argument text into words. Whitespace separates words; "double" or 'single' quotes (straight
 * or typographic, as Slack sends them) keep spaces inside a word; a `{…}` or `[…]` blob is one word,
 * so a pasted JSON config survives. `key=value` words are named; a key may use `-` or `_`.
 *
 * @throws UserError when the text is too long, a quote or bracket is left open, or a name repeats.
 */
export function tokenizeArgs(text: string): ArgumentWords {
  if (text.length > MAX_ARGUMENT_TEXT) {
    throw new UserError(
      'core/arguments-too-long',
      `The arguments are ${text.length} characters long; the limit is ${MAX_ARGUMENT_TEXT}.`,
    );
  }
  const words = splitWords(text.replace(/[“”]/g, '"').replace(/[‘’]/g, "'"));
  const result: ArgumentWords = { positional: [], named: new Map() };
  for (const word of words) {
    const match = word.quoted ? null : NAMED.exec(word.text);
    if (!match) {
      result.positional.push(word.text);
      continue;
    }
    const key = match[1]!.toLowerCase().replaceAll('-', '_');
    const value = unquote(match[2]!);
    const earlier = result.named.get(key);
    if (earlier !== undefined) {
      throw new UserError(
        'core/repeated-option',
        `The option "${key}" is given twice (${key}=${earlier} and ${key}=${value}); keep one.`,
        { example: `${key}=${value}` },
      );
    }
    result.named.set(key, value);
  }
  return result;
}

interface Word {
  text: string;
  quoted: boolean;
}

function splitWords(text: string): Word[] {
  const words: Word[] = [];
  let i = 0;
  while (i < text.length) {
    if (/\s/.test(text[i]!)) {
      i++;
      continue;
    }
    const start = i;
    let quoted = false;
    while (i < text.length && !/\s/.test(text[i]!)) {
      const ch = text[i]!;
      if (ch === '"' || ch === "'") {
        const close = text.indexOf(ch, i + 1);
        if (close < 0) throw new UserError('core/open-quote', `A ${ch} quote is opened but never closed.`);
        quoted = quoted || i === start;
        i = close + 1;
      } else if (ch === '{' || ch === '[') {
        i = skipBracketed(text, i);
      } else {
        i++;
      }
    }
    const raw = text.slice(start, i);
    words.push({ text: quoted ? unquote(raw) : raw, quoted });
  }
  return words;
}

/** Index just past the bracket that closes the one at `open`, honouring JSON strings. */
function skipBracketed(text: string, open: number): number {
  let depth = 0;
  let inString = false;
  for (let i = open; i < text.length; i++) {
    const ch = text[i]!;
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') inString = true;
    else if (ch === '{' || ch === '[') depth++;
    else if (ch === '}' || ch === ']') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  throw new UserError('core/open-bracket', `A "${text[open]}" is opened but never closed.`, {
    example: 'paste the whole config.json, from { to }',
  });
}

function unquote(value: string): string {
  const first = value[0];
  if ((first === '"' || first === "'") && value.length >= 2 && value.endsWith(first))
    return value.slice(1, -1);
  return value;
}
