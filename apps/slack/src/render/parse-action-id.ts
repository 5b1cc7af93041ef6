import { ACTION_INDEX_SEPARATOR, PROMPT_PREFIX, type PromptButtonValue } from './reply-to-block-kit.js';

/** A pressed Slack button turned back into the core's action id and value. */
export interface PressedButton {
  /** The core action id, e.g. `quiz:answer`. */
  actionId: string;
  /** The core action's value. */
  value: string;
  /** Set when the button opens a form (a modal) before the action runs. */
  prompt?: { title: string; label: string; placeholder?: string };
}

/**
 * Reads the `action_id` and `value` of a button made by {@link replyToBlockKit}: strips the `#<index>`
 * suffix and, for prompt buttons (`?` prefix), unpacks the form texts carried in the value. Pure.
 *
 * @returns undefined for a button this app did not make (or a value that is not its JSON).
 */
export function parseSlackActionId(actionId: string, value: string): PressedButton | undefined {
  const hash = actionId.lastIndexOf(ACTION_INDEX_SEPARATOR);
  const base = hash > 0 ? actionId.slice(0, hash) : actionId;
  if (!base.startsWith(PROMPT_PREFIX)) return base.length > 0 ? { actionId: base, value } : undefined;
  try {
    const parsed = JSON.parse(value) as Partial<PromptButtonValue>;
    if (typeof parsed.v !== 'string' || typeof parsed.t !== 'string' || typeof parsed.l !== 'string')
      return undefined;
    const prompt: NonNullable<PressedButton['prompt']> = { title: parsed.t, label: parsed.l };
    if (typeof parsed.p === 'string') prompt.placeholder = parsed.p;
    return { actionId: base.slice(PROMPT_PREFIX.length), value: parsed.v, prompt };
  } catch {
    return undefined;
  }
}
