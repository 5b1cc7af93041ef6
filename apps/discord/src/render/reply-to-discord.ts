import { type Action, type Block, markupToPlain, type Reply, tableToPlainText } from '@mlsys/core';
import type { DiscordActionRow, DiscordButton, DiscordEmbed, DiscordMessage } from './discord-types.js';
import { clip, DISCORD_LIMITS, EPHEMERAL_FLAG } from './limits.js';
import { markupToDiscord } from './markup-to-discord.js';

/** Accent colour of the bot's embeds. */
export const EMBED_COLOUR = 0x0072b2;

/** First character of a button's custom id when it opens a form (modal) instead of acting at once. */
export const PROMPT_PREFIX = '?';

/** Separates an action id from its value in a custom id. */
export const CUSTOM_ID_SEPARATOR = '|';

/** The file name under which the adapter attaches the `index`-th chart image. */
export function chartFileName(index: number): string {
  return `chart-${index}.png`;
}

/**
 * Renders a reply as a Discord message: one embed (title, description, inline fields, footer with
 * notes and sources), an image per chart (`attachment://chart-N.png`, attached by the adapter), and
 * buttons in action rows. Pure. Degrades within Discord's limits instead of failing.
 */
export function replyToDiscord(reply: Reply): DiscordMessage {
  const main: DiscordEmbed = { color: EMBED_COLOUR };
  const description: string[] = [];
  const footer: string[] = [];
  const fields: NonNullable<DiscordEmbed['fields']> = [];
  const images: DiscordEmbed[] = [];
  const actions: Action[] = [];

  for (const block of reply.blocks) collect(block);

  function collect(block: Block): void {
    switch (block.type) {
      case 'header':
        main.title ??= clip(block.text, DISCORD_LIMITS.embedTitle);
        return;
      case 'text':
        description.push(markupToDiscord(block.text));
        return;
      case 'fields':
        for (const field of block.fields) {
          fields.push({
            name: clip(field.label, DISCORD_LIMITS.fieldName),
            value: clip(markupToDiscord(field.value) || '\u200b', DISCORD_LIMITS.fieldValue),
            inline: true,
          });
        }
        return;
      case 'table':
        description.push(codeBlock(tableToPlainText(block.columns, block.rows)));
        return;
      case 'code':
        description.push(codeBlock(block.text));
        return;
      case 'context':
        footer.push(markupToPlain(block.text));
        return;
      case 'divider':
        return;
      case 'chart':
        images.push({ color: EMBED_COLOUR, image: { url: `attachment://${chartFileName(images.length)}` } });
        return;
      case 'actions':
        actions.push(...block.actions);
        return;
    }
  }

  main.description = clip(description.join('\n\n'), DISCORD_LIMITS.embedDescription);
  if (fields.length > 0) main.fields = fields.slice(0, DISCORD_LIMITS.embedFields);
  if (footer.length > 0) main.footer = { text: clip(footer.join('\n'), DISCORD_LIMITS.footerText) };
  if (images.length > 0 && main.image === undefined) main.image = images.shift()!.image!;
  const message: DiscordMessage = {
    embeds: fitTotal([main, ...images].slice(0, DISCORD_LIMITS.embedsPerMessage)),
    components: toRows(actions),
  };
  if (reply.visibility === 'ephemeral') message.flags = EPHEMERAL_FLAG;
  return message;
}

function codeBlock(text: string): string {
  return `\`\`\`\n${text.replaceAll('```', 'ˋˋˋ')}\n\`\`\``;
}

function toRows(actions: readonly Action[]): DiscordActionRow[] {
  const buttons = actions.slice(0, DISCORD_LIMITS.actionRows * DISCORD_LIMITS.buttonsPerRow).map(toButton);
  const rows: DiscordActionRow[] = [];
  for (let i = 0; i < buttons.length; i += DISCORD_LIMITS.buttonsPerRow) {
    rows.push({ type: 1, components: buttons.slice(i, i + DISCORD_LIMITS.buttonsPerRow) });
  }
  return rows;
}

function toButton(action: Action): DiscordButton {
  const prefix = action.type === 'prompt' ? PROMPT_PREFIX : '';
  const style =
    action.type === 'button' && action.style === 'primary'
      ? 1
      : action.type === 'button' && action.style === 'danger'
        ? 4
        : 2;
  return {
    type: 2,
    style,
    label: clip(action.label, DISCORD_LIMITS.buttonLabel),
    custom_id: clip(`${prefix}${action.id}${CUSTOM_ID_SEPARATOR}${action.value}`, DISCORD_LIMITS.customId),
  };
}

/** Shortens the main description until all embeds fit Discord's 6,000-character total. */
function fitTotal(embeds: DiscordEmbed[]): DiscordEmbed[] {
  const size = (embed: DiscordEmbed) =>
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.fields ?? []).reduce((sum, field) => sum + field.name.length + field.value.length, 0);
  const total = embeds.reduce((sum, embed) => sum + size(embed), 0);
  const main = embeds[0];
  if (total > DISCORD_LIMITS.embedTotal && main?.description !== undefined) {
    main.description = clip(
      main.description,
      Math.max(1, main.description.length - (total - DISCORD_LIMITS.embedTotal)),
    );
  }
  return embeds;
}
