import { chartToSvg, svgToPngAsync } from '@mlsys/charts';
import type { Reply } from '@mlsys/core';
import type { DiscordMessage } from '../render/discord-types.js';
import { chartFileName, replyToDiscord } from '../render/reply-to-discord.js';

/** A chart image to attach under its `attachment://` name. */
export interface ChartFile {
  name: string;
  data: Buffer;
}

/** A message ready to send: the JSON body and the chart images it refers to. */
export interface DiscordPayload {
  message: DiscordMessage;
  files: ChartFile[];
}

/**
 * The live countdown of a reply with a deadline (`data.deadline`, epoch ms, as quiz rounds carry):
 * Discord's relative timestamp `<t:SECONDS:R>`, which every client counts down in its own time zone
 * (Discord, "Message Formatting": timestamp style R).
 */
export function countdownLine(reply: Reply): string | undefined {
  const deadline = (reply.data as { deadline?: unknown } | undefined)?.deadline;
  if (typeof deadline !== 'number' || !Number.isFinite(deadline)) return undefined;
  return `⏱️ Closes <t:${Math.ceil(deadline / 1000)}:R>`;
}

/** The message of a reply with its countdown (if any) as content. Pure. */
export function toDiscordMessage(reply: Reply): DiscordMessage {
  const message = replyToDiscord(reply);
  const countdown = countdownLine(reply);
  return countdown ? { content: countdown, ...message } : message;
}

/** Whether a reply has charts to draw (the interactions defer such replies: drawing takes time). */
export const hasCharts = (reply: Reply): boolean => reply.blocks.some((block) => block.type === 'chart');

/**
 * Renders a reply for Discord and draws its charts as PNG attachments named as the embeds refer to
 * them (`chart-N.png`), off the event loop (`svgToPngAsync`). A chart that fails to draw is left out
 * (its embed shows no image).
 */
export async function toDiscordPayload(
  reply: Reply,
  onError: (error: unknown) => void = () => {},
): Promise<DiscordPayload> {
  const message = toDiscordMessage(reply);
  const files: ChartFile[] = [];
  let index = 0;
  for (const block of reply.blocks) {
    if (block.type !== 'chart') continue;
    const name = chartFileName(index++);
    try {
      files.push({ name, data: (await svgToPngAsync(chartToSvg(block.chart))).png });
    } catch (error) {
      onError(error);
    }
  }
  return { message, files };
}
