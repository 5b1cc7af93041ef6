import { type Action, type Block, type Reply, tableToPlainText } from '@mlsys/core';
import type { SlackBlock, SlackButton, SlackImageSource, SlackMessage } from './block-kit-types.js';
import { clip, SLACK_LIMITS } from './limits.js';
import { escapeMrkdwn, markupToMrkdwn } from './markup-to-mrkdwn.js';

/** What the adapter knows beyond the reply: where each uploaded chart image lives. */
export interface BlockKitOptions {
  /** Image source per chart block, in order; a chart without one is described in words. */
  chartImages?: readonly (SlackImageSource | undefined)[];
}

/** Separator between an action's id and its position in the block (action ids must be unique there). */
export const ACTION_INDEX_SEPARATOR = '#';

/**
 * First character of the `action_id` of a button that opens a form (a modal) instead of acting at once;
 * its `value` is a {@link PromptButtonValue} as JSON, so the modal is built from the click alone.
 */
export const PROMPT_PREFIX = '?';

/** What a prompt button carries: the action's value and the texts of the form it opens. */
export interface PromptButtonValue {
  /** The core action's value. */
  v: string;
  /** Form title. */
  t: string;
  /** Label of the one input. */
  l: string;
  /** Placeholder, if any. */
  p?: string;
}

/**
 * Renders a reply as Block Kit. Pure. Degrades instead of failing: long text is split or clipped,
 * tables and work shown become monospaced sections, and past Slack's block or size budget the rest
 * is replaced by a note.
 */
export function replyToBlockKit(reply: Reply, options: BlockKitOptions = {}): SlackMessage {
  let chartIndex = 0;
  const rendered = reply.blocks.flatMap((block) => {
    const image = block.type === 'chart' ? options.chartImages?.[chartIndex++] : undefined;
    return blockToSlack(block, image);
  });
  return { text: clip(reply.fallbackText, SLACK_LIMITS.sectionText), blocks: withinBudget(rendered) };
}

function blockToSlack(block: Block, image: SlackImageSource | undefined): SlackBlock[] {
  switch (block.type) {
    case 'header':
      return [
        {
          type: 'header',
          text: { type: 'plain_text', text: clip(block.text, SLACK_LIMITS.headerText), emoji: true },
        },
      ];
    case 'text':
      return splitSections(markupToMrkdwn(block.text));
    case 'context':
      return [
        {
          type: 'context',
          elements: [{ type: 'mrkdwn', text: clip(markupToMrkdwn(block.text), SLACK_LIMITS.sectionText) }],
        },
      ];
    case 'fields': {
      const fields = block.fields.map((field) => ({
        type: 'mrkdwn' as const,
        text: clip(`*${escapeMrkdwn(field.label)}*\n${markupToMrkdwn(field.value)}`, SLACK_LIMITS.fieldText),
      }));
      const sections: SlackBlock[] = [];
      for (let i = 0; i < fields.length; i += SLACK_LIMITS.fieldsPerSection) {
        sections.push({ type: 'section', fields: fields.slice(i, i + SLACK_LIMITS.fieldsPerSection) });
      }
      return sections;
    }
    case 'table':
      return [preformatted(tableToPlainText(block.columns, block.rows))];
    case 'code':
      return [preformatted(block.text)];
    case 'divider':
      return [{ type: 'divider' }];
    case 'chart':
      if (image) return [{ type: 'image', alt_text: clip(block.alt, SLACK_LIMITS.imageAlt), ...image }];
      return [
        {
          type: 'context',
          elements: [{ type: 'mrkdwn', text: `:bar_chart: ${escapeMrkdwn(clip(block.alt, 2900))}` }],
        },
      ];
    case 'actions':
      return [
        {
          type: 'actions',
          elements: block.actions.slice(0, SLACK_LIMITS.actionsElements).map(actionToButton),
        },
      ];
  }
}

function actionToButton(action: Action, index: number): SlackButton {
  const prefix = action.type === 'prompt' ? PROMPT_PREFIX : '';
  let value = action.value;
  if (action.type === 'prompt') {
    const prompt: PromptButtonValue = { v: action.value, t: action.title, l: action.fieldLabel };
    if (action.placeholder !== undefined) prompt.p = action.placeholder;
    value = JSON.stringify(prompt);
  }
  const button: SlackButton = {
    type: 'button',
    action_id: clip(`${prefix}${action.id}${ACTION_INDEX_SEPARATOR}${index}`, SLACK_LIMITS.actionId),
    text: { type: 'plain_text', text: clip(action.label, SLACK_LIMITS.buttonText), emoji: true },
    value: clip(value, SLACK_LIMITS.buttonValue),
  };
  if (action.type === 'button' && (action.style === 'primary' || action.style === 'danger'))
    button.style = action.style;
  return button;
}

/** A monospaced section; text past the section limit is cut at a line with a count of what was left out. */
function preformatted(text: string): SlackBlock {
  const budget = SLACK_LIMITS.sectionText - 40;
  let shown = escapeMrkdwn(text);
  if (shown.length > budget) {
    const lines = shown.slice(0, budget).split('\n').slice(0, -1);
    const left = shown.split('\n').length - lines.length;
    shown = `${lines.join('\n')}\n… ${left} more lines`;
  }
  return { type: 'section', text: { type: 'mrkdwn', text: `\`\`\`${shown}\`\`\`` } };
}

/** Sections of at most the section limit, split at line ends where possible. */
function splitSections(text: string): SlackBlock[] {
  const sections: SlackBlock[] = [];
  let rest = text;
  while (rest.length > 0) {
    let cut = rest.length;
    if (cut > SLACK_LIMITS.sectionText) {
      const newline = rest.lastIndexOf('\n', SLACK_LIMITS.sectionText);
      cut = newline > 0 ? newline + 1 : SLACK_LIMITS.sectionText;
    }
    sections.push({ type: 'section', text: { type: 'mrkdwn', text: rest.slice(0, cut) } });
    rest = rest.slice(cut);
  }
  return sections;
}

/** Keeps the message under Slack's block count and the size at which it refuses messages. */
function withinBudget(blocks: SlackBlock[]): SlackBlock[] {
  const kept: SlackBlock[] = [];
  let size = 0;
  for (const block of blocks) {
    const cost = JSON.stringify(block).length;
    if (kept.length === SLACK_LIMITS.blocksPerMessage - 1 || size + cost > SLACK_LIMITS.messageTextBudget) {
      const left = blocks.length - kept.length;
      kept.push({
        type: 'context',
        elements: [{ type: 'mrkdwn', text: `… ${left} more parts not shown (Slack's message limit).` }],
      });
      return kept;
    }
    kept.push(block);
    size += cost;
  }
  return kept;
}
