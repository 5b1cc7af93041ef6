import type { ChartSpec } from './chart.js';

/**
 * Inline text in blocks uses a small neutral markup that every renderer converts:
 * `**bold**`, `_italic_`, `` `code` `` and `[label](https://url)`. Nothing else is interpreted.
 */
export type MarkupText = string;

/** A button the user can press; `id` is routed back to the core as an action. */
export interface ButtonAction {
  type: 'button';
  /** Routed action id, e.g. `quiz:answer`; at most 100 characters (Discord `custom_id`). */
  id: string;
  /** Button text; at most 75 characters (Slack), 80 (Discord). */
  label: string;
  /** Opaque value returned with the action; at most 100 characters together with `id`. */
  value: string;
  style?: 'primary' | 'danger' | 'secondary';
}

/** A button that opens a form asking for one typed value (a numeric answer, a time of day). */
export interface PromptAction {
  type: 'prompt';
  id: string;
  label: string;
  value: string;
  /** Title of the form; at most 24 characters (Slack modal title). */
  title: string;
  /** Label of the one input field. */
  fieldLabel: string;
  placeholder?: string;
}

/** Something a user can do from a reply. */
export type Action = ButtonAction | PromptAction;

/** One column of a {@link TableBlock}. */
export interface TableColumn {
  title: string;
  align?: 'left' | 'right';
}

/** The blocks a reply is made of, rendered by each platform's renderer. */
export type Block =
  | { type: 'header'; text: string }
  | { type: 'text'; text: MarkupText }
  | { type: 'fields'; fields: { label: string; value: MarkupText }[] }
  | { type: 'table'; columns: TableColumn[]; rows: string[][] }
  /** Preformatted text: formulas with values filled in ("work shown"), code. */
  | { type: 'code'; text: string }
  /** Small print: units, conventions, sources. */
  | { type: 'context'; text: MarkupText }
  | { type: 'divider' }
  | { type: 'chart'; chart: ChartSpec; alt: string }
  | { type: 'actions'; actions: Action[] };

/**
 * The neutral reply every command returns. Renderers turn it into Block Kit, Discord messages,
 * HTML or terminal text; none of them adds content.
 */
export interface Reply {
  /** `ephemeral` replies are seen only by the user who asked. */
  visibility: 'public' | 'ephemeral';
  blocks: Block[];
  /** Plain text for notifications, screen readers and platforms without blocks. */
  fallbackText: string;
  /** Machine-readable result, printed by `mlsys … --json`. */
  data?: unknown;
}
