import type { Reply } from '@mlsys/core';
import type { SlackBlock } from './block-kit-types.js';
import { replyToBlockKit } from './reply-to-block-kit.js';

/** Blocks a Home tab view may hold (Slack's "View object" reference: 100 blocks). */
export const HOME_BLOCKS_MAX = 100;

/** The App Home view as `views.publish` takes it. */
export interface HomeView {
  type: 'home';
  blocks: SlackBlock[];
}

/**
 * The Home tab: a title, then each reply rendered as Block Kit with a divider between them, cut at
 * Slack's 100-block limit. Buttons keep working there (they route like any other). Pure.
 *
 * @param sections Replies shown in order, e.g. the user's stats and their due reviews.
 */
export function homeView(title: string, sections: readonly Reply[]): HomeView {
  const blocks: SlackBlock[] = [{ type: 'header', text: { type: 'plain_text', text: title, emoji: true } }];
  for (const reply of sections) {
    const rendered = replyToBlockKit(reply).blocks;
    if (blocks.length + rendered.length + 1 > HOME_BLOCKS_MAX) break;
    blocks.push({ type: 'divider' }, ...rendered);
  }
  return { type: 'home', blocks };
}
