import type { CommandSpec } from '@mlsys/core';
import { clip } from './limits.js';

/**
 * Modal limits in characters (Slack's "Modals" and "View object" reference, as summarised in
 * shared/reference/quiz-and-platforms.md): title, submit and close ≤ 24; `private_metadata` ≤ 3000;
 * ≤ 100 blocks. Input labels ≤ 2000 and placeholders ≤ 150 come from the input-block and
 * plain_text_input reference pages.
 */
export const MODAL_LIMITS = {
  title: 24,
  button: 24,
  privateMetadata: 3000,
  blocks: 100,
  label: 2000,
  placeholder: 150,
} as const;

/** Callback id of the one-field form of a prompt button. */
export const PROMPT_CALLBACK_ID = 'mlsys:prompt';
/** Callback id of a command's form (one field per option). */
export const COMMAND_FORM_CALLBACK_ID = 'mlsys:command';
/** The block and element id of a prompt form's field. */
export const PROMPT_FIELD = 'answer';

/** A plain-text input element. */
interface TextInput {
  type: 'plain_text_input';
  action_id: string;
  placeholder?: { type: 'plain_text'; text: string };
  initial_value?: string;
}

/** A static select element (an option with fixed choices). */
interface StaticSelect {
  type: 'static_select';
  action_id: string;
  options: { text: { type: 'plain_text'; text: string }; value: string }[];
  initial_option?: { text: { type: 'plain_text'; text: string }; value: string };
}

/** An input block of a modal. */
export interface InputBlock {
  type: 'input';
  block_id: string;
  optional?: boolean;
  label: { type: 'plain_text'; text: string };
  hint?: { type: 'plain_text'; text: string };
  element: TextInput | StaticSelect;
}

/** A modal view as `views.open` takes it. */
export interface ModalView {
  type: 'modal';
  callback_id: string;
  title: { type: 'plain_text'; text: string };
  submit: { type: 'plain_text'; text: string };
  close: { type: 'plain_text'; text: string };
  private_metadata: string;
  blocks: InputBlock[];
}

const plain = (text: string, max: number) => ({ type: 'plain_text' as const, text: clip(text, max) });

/**
 * The form a prompt button opens: one text field. Pure.
 *
 * @param metadata What the submission needs (action, value, channel), at most 3000 characters as text.
 * @throws Error when the metadata is too long for Slack (a bug: the bot made it).
 */
export function promptModal(
  prompt: { title: string; label: string; placeholder?: string },
  metadata: string,
): ModalView {
  assertMetadata(metadata);
  const element: TextInput = { type: 'plain_text_input', action_id: PROMPT_FIELD };
  if (prompt.placeholder) element.placeholder = plain(prompt.placeholder, MODAL_LIMITS.placeholder);
  return {
    type: 'modal',
    callback_id: PROMPT_CALLBACK_ID,
    title: plain(prompt.title, MODAL_LIMITS.title),
    submit: plain('Submit', MODAL_LIMITS.button),
    close: plain('Cancel', MODAL_LIMITS.button),
    private_metadata: metadata,
    blocks: [
      { type: 'input', block_id: PROMPT_FIELD, label: plain(prompt.label, MODAL_LIMITS.label), element },
    ],
  };
}

/**
 * A command's form: one field per option (a select where the option has choices), required fields
 * first as the spec orders them, defaults shown as hints. The submission is turned back into
 * `key=value` text, so the command parses it exactly as typed text. Pure.
 *
 * @param title The form title, e.g. `Daily question`.
 */
export function commandFormModal(spec: CommandSpec, title: string, metadata: string): ModalView {
  assertMetadata(metadata);
  const blocks = Object.entries(spec.options)
    .slice(0, MODAL_LIMITS.blocks)
    .map(([name, option]): InputBlock => {
      const label = plain(`${name.replaceAll('_', ' ')}: ${option.description}`, MODAL_LIMITS.label);
      let element: TextInput | StaticSelect;
      if (option.choices && option.choices.length > 0) {
        const options = option.choices.slice(0, 100).map((choice) => ({
          text: plain(choice, 75),
          value: clip(choice, 150),
        }));
        element = { type: 'static_select', action_id: name, options };
        const initial = options.find((choice) => choice.value === option.default);
        if (initial) element.initial_option = initial;
      } else {
        element = { type: 'plain_text_input', action_id: name };
        const example = option.example ?? option.default;
        if (example) element.placeholder = plain(example, MODAL_LIMITS.placeholder);
      }
      const block: InputBlock = { type: 'input', block_id: name, label, element };
      if (!option.required) block.optional = true;
      if (option.default !== undefined) block.hint = plain(`Default: ${option.default}`, MODAL_LIMITS.label);
      return block;
    });
  return {
    type: 'modal',
    callback_id: COMMAND_FORM_CALLBACK_ID,
    title: plain(title, MODAL_LIMITS.title),
    submit: plain('Save', MODAL_LIMITS.button),
    close: plain('Cancel', MODAL_LIMITS.button),
    private_metadata: metadata,
    blocks,
  };
}

/** The values of a submitted view, as Slack sends them in `view.state.values`. */
export type ViewStateValues = Record<
  string,
  Record<string, { type: string; value?: string | null; selected_option?: { value: string } | null }>
>;

/**
 * Turns a submitted command form back into argument text: `name="value"` for every filled field, in
 * form order. Values are quoted so spaces survive; a quote inside a value is dropped. Pure.
 */
export function formToArguments(values: ViewStateValues): string {
  const words: string[] = [];
  for (const [blockId, fields] of Object.entries(values)) {
    for (const field of Object.values(fields)) {
      const raw = field.selected_option?.value ?? field.value ?? '';
      const value = raw.trim().replaceAll('"', '');
      if (value.length > 0) words.push(`${blockId}="${value}"`);
    }
  }
  return words.join(' ');
}

/** The one text value of a prompt form. */
export function promptAnswer(values: ViewStateValues): string {
  return values[PROMPT_FIELD]?.[PROMPT_FIELD]?.value?.trim() ?? '';
}

function assertMetadata(metadata: string): void {
  if (metadata.length > MODAL_LIMITS.privateMetadata) {
    throw new Error(`private_metadata is ${metadata.length} characters; Slack allows 3000`);
  }
}
