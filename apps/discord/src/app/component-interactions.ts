import type { ActionInvocation, Dispatched } from '@mlsys/core';
import {
  type APITextInputComponent,
  type ButtonInteraction,
  ComponentType,
  MessageFlags,
  type ModalSubmitInteraction,
  TextInputStyle,
} from 'discord.js';
import { CUSTOM_ID_SEPARATOR, PROMPT_PREFIX } from '../render/reply-to-discord.js';
import { hasCharts } from './discord-payload.js';
import {
  callerOf,
  editOptions,
  type InteractionContext,
  rememberToken,
  replyOptions,
  settleWithin,
} from './interaction-context.js';

/**
 * Discord's modal limits (API v10, "Modal" and "Text Input"): title ≤ 45 characters, a text input's
 * label ≤ 45 and placeholder ≤ 100.
 */
const MODAL_TITLE_MAX = 45;
const MODAL_LABEL_MAX = 45;
const MODAL_PLACEHOLDER_MAX = 100;
/** The custom id of a prompt form's one text field. */
export const PROMPT_FIELD = 'answer';

/** Splits a custom id made by the renderer: `[?]<action id>|<value>`. */
export function parseCustomId(customId: string): { actionId: string; value: string; prompt: boolean } {
  const prompt = customId.startsWith(PROMPT_PREFIX);
  const body = prompt ? customId.slice(PROMPT_PREFIX.length) : customId;
  const cut = body.indexOf(CUSTOM_ID_SEPARATOR);
  return cut < 0
    ? { actionId: body, value: '', prompt }
    : { actionId: body.slice(0, cut), value: body.slice(cut + 1), prompt };
}

/**
 * A button press: a prompt button (`?` prefix) opens a modal with one text field; any other runs its
 * core action and answers the presser (usually ephemerally: "locked in").
 */
export async function onButton(context: InteractionContext, interaction: ButtonInteraction): Promise<void> {
  rememberToken(context, interaction);
  const parsed = parseCustomId(interaction.customId);
  if (parsed.prompt) {
    const component = interaction.component as { label?: string | null } | undefined;
    const texts = context.prompts.recall(interaction.customId);
    const field: APITextInputComponent = {
      type: ComponentType.TextInput,
      custom_id: PROMPT_FIELD,
      label: (texts?.label ?? 'Your answer').slice(0, MODAL_LABEL_MAX),
      style: TextInputStyle.Short,
      required: true,
      max_length: 100,
    };
    if (texts?.placeholder) field.placeholder = texts.placeholder.slice(0, MODAL_PLACEHOLDER_MAX);
    await interaction.showModal({
      custom_id: interaction.customId,
      title: (texts?.title ?? component?.label ?? 'Your answer').slice(0, MODAL_TITLE_MAX),
      components: [{ type: ComponentType.ActionRow, components: [field] }],
    });
    return;
  }
  await answer(context, interaction, actionOf(interaction, parsed.actionId, parsed.value));
}

/** A modal submission: runs the prompt's action with the typed text. */
export async function onModalSubmit(
  context: InteractionContext,
  interaction: ModalSubmitInteraction,
): Promise<void> {
  rememberToken(context, interaction);
  const parsed = parseCustomId(interaction.customId);
  const input = interaction.fields.getTextInputValue(PROMPT_FIELD);
  await answer(context, interaction, { ...actionOf(interaction, parsed.actionId, parsed.value), input });
}

function actionOf(
  interaction: ButtonInteraction | ModalSubmitInteraction,
  actionId: string,
  value: string,
): ActionInvocation {
  return {
    platform: 'discord',
    actionId,
    value,
    user: callerOf(interaction),
    channel: { id: interaction.channelId ?? interaction.user.id },
    team: { id: interaction.guildId ?? 'dm' },
  };
}

/** Answers a component: within the budget directly, else deferred ephemerally and edited. */
async function answer(
  context: InteractionContext,
  interaction: ButtonInteraction | ModalSubmitInteraction,
  action: ActionInvocation,
): Promise<void> {
  const work: Promise<Dispatched> = context.router.handleAction(action);
  const early = await settleWithin(work, context.ackBudgetMs);
  if (early && !hasCharts(early.reply)) {
    await interaction.reply(await replyOptions(context, early.reply));
    return;
  }
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const { reply } = await work;
  if (reply.visibility === 'ephemeral') {
    await interaction.editReply(await editOptions(context, reply));
    return;
  }
  await interaction.editReply({ content: 'Done.' });
  await interaction.followUp(await replyOptions(context, reply));
}
