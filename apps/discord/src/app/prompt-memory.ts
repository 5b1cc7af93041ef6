import type { Reply } from '@mlsys/core';
import { DISCORD_LIMITS } from '../render/limits.js';
import { CUSTOM_ID_SEPARATOR, PROMPT_PREFIX } from '../render/reply-to-discord.js';

/** The texts of a form a prompt button opens. */
export interface PromptTexts {
  title: string;
  label: string;
  placeholder?: string;
}

/**
 * Remembers the form texts of prompt buttons this process rendered, by custom id: a Discord
 * `custom_id` holds at most 100 characters, too few for the texts, so the click finds them here. A
 * button rendered by another instance (or before a restart) gets a generic form.
 */
export interface PromptMemory {
  /** Records the prompts of a reply about to be sent. */
  remember(reply: Reply): void;
  recall(customId: string): PromptTexts | undefined;
}

/** Creates a bounded prompt memory (oldest entries dropped first). */
export function createPromptMemory(max = 10_000): PromptMemory {
  const texts = new Map<string, PromptTexts>();
  return {
    remember(reply) {
      for (const block of reply.blocks) {
        if (block.type !== 'actions') continue;
        for (const action of block.actions) {
          if (action.type !== 'prompt') continue;
          const customId = `${PROMPT_PREFIX}${action.id}${CUSTOM_ID_SEPARATOR}${action.value}`;
          if (customId.length > DISCORD_LIMITS.customId) continue;
          const entry: PromptTexts = { title: action.title, label: action.fieldLabel };
          if (action.placeholder !== undefined) entry.placeholder = action.placeholder;
          texts.delete(customId);
          texts.set(customId, entry);
          if (texts.size > max) texts.delete(texts.keys().next().value as string);
        }
      }
    },
    recall: (customId) => texts.get(customId),
  };
}
