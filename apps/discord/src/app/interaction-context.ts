import type { Caller, CompletionSource, Reply, Router } from '@mlsys/core';
import {
  type BaseInteraction,
  type InteractionEditReplyOptions,
  type InteractionReplyOptions,
  MessageFlags,
  PermissionFlagsBits,
} from 'discord.js';
import { toDiscordPayload } from './discord-payload.js';
import type { InteractionMemory } from './interaction-memory.js';
import type { PromptMemory } from './prompt-memory.js';

/** Values offered while typing an option, by completion source (model ids, topics, GPUs, kernels). */
export type CompletionSources = Partial<Record<CompletionSource, () => readonly string[]>>;

/** What every interaction handler works with. */
export interface InteractionContext {
  router: Router;
  completions: CompletionSources;
  memory: InteractionMemory;
  /** Form texts of the prompt buttons this process sent. */
  prompts: PromptMemory;
  /**
   * How long a handler waits for the core before deferring, ms. Discord needs the first response
   * within 3 s (shared/reference/quiz-and-platforms.md); 2 s leaves room for the network.
   */
  ackBudgetMs: number;
  log(message: string, fields: Record<string, unknown>): void;
}

/** Default {@link InteractionContext.ackBudgetMs}. */
export const DEFAULT_ACK_BUDGET_MS = 2000;

/** The value of `work` if it settles within `ms`, else undefined (the work goes on). */
export async function settleWithin<T>(work: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The core's caller for the user of an interaction. Admin means the member's permissions in that
 * channel include Manage Server (Administrator implies it); in a DM nobody is an admin.
 */
export function callerOf(interaction: BaseInteraction): Caller {
  const member = interaction.member;
  const nick = member && 'displayName' in member ? member.displayName : (member?.nick ?? undefined);
  return {
    id: interaction.user.id,
    name: nick ?? interaction.user.globalName ?? interaction.user.username,
    isAdmin: interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false,
  };
}

/** Remembers the interaction's token so later ephemeral messages can reach its user. */
export function rememberToken(context: InteractionContext, interaction: BaseInteraction): void {
  if (!interaction.channelId) return;
  context.memory.remember(interaction.channelId, interaction.user.id, {
    applicationId: interaction.applicationId,
    token: (interaction as BaseInteraction & { token: string }).token,
    at: Date.now(),
  });
}

/** A reply as `interaction.reply` / `followUp` options: embeds, buttons, chart files, ephemeral flag. */
export async function replyOptions(
  context: InteractionContext,
  reply: Reply,
): Promise<InteractionReplyOptions> {
  context.prompts.remember(reply);
  const { message, files } = await toDiscordPayload(reply, (error) =>
    context.log('discord: chart failed', { error }),
  );
  const options: InteractionReplyOptions = {
    embeds: message.embeds,
    components: message.components as NonNullable<InteractionReplyOptions['components']>,
    files: files.map((file) => ({ attachment: file.data, name: file.name })),
    allowedMentions: { parse: [] },
  };
  if (message.content) options.content = message.content;
  if (reply.visibility === 'ephemeral') options.flags = MessageFlags.Ephemeral;
  return options;
}

/** A reply as `interaction.editReply` options (the visibility was fixed when the reply was deferred). */
export async function editOptions(
  context: InteractionContext,
  reply: Reply,
): Promise<InteractionEditReplyOptions> {
  const { flags: _flags, ...rest } = await replyOptions(context, reply);
  return rest as InteractionEditReplyOptions;
}
