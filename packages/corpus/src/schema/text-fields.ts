import { z } from 'zod';

/** Limits of the corpus format (CORPUS-FORMAT.md); button labels follow Slack's 75-character cap. */
export const LIMITS = {
  /** Characters in a prompt. */
  prompt: 600,
  /** Characters in an explanation. */
  explanation: 1200,
  /** Characters in a choice or ordering item: Slack button text is at most 75 characters. */
  label: 75,
  minChoices: 2,
  maxChoices: 5,
  minItems: 3,
  maxItems: 6,
} as const;

/** Lower-case words joined by single dashes, e.g. `kv-cache-gqa-savings`. */
export const KEBAB_CASE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Required text, trimmed, at most `max` characters. */
export function text(max?: number) {
  const base = z.string().trim().min(1, 'is empty');
  return max === undefined ? base : base.max(max, `longer than ${max} characters`);
}

/** A kebab-case identifier. */
export function kebab() {
  return z.string().regex(KEBAB_CASE, 'is not kebab-case (lower-case words joined by dashes)');
}

/** The form of a label used to compare labels for sameness: lower case, spaces collapsed. */
export function labelKey(label: string): string {
  return label.toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * Choices whose meaning depends on the order of the others; the bot shuffles choices, so they are
 * refused (CORPUS-FORMAT.md: no "All of the above", "None of the above", "Both A and B").
 */
export const POSITIONAL_CHOICE = /\b(all|none|both|neither) of the (above|below)\b|\bboth [a-e] and [a-e]\b/i;
