import type { CommandSpec, OptionSpec } from '@mlsys/core';
import type {
  AutocompleteInteraction,
  ChatInputCommandInteraction,
  CommandInteractionOption,
} from 'discord.js';
import { type DiscordOptionValue, optionsToText } from '../commands/options-to-text.js';
import { COMMAND_LIMITS } from '../commands/to-application-commands.js';
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
 * Runs a slash command. A reply ready within the ack budget is the interaction's response; otherwise
 * the response is deferred ("thinking…", public) and edited when the core answers. A deferred reply
 * that turns out private (an error) is replaced by an ephemeral follow-up.
 */
export async function onChatInput(
  context: InteractionContext,
  interaction: ChatInputCommandInteraction,
): Promise<void> {
  rememberToken(context, interaction);
  const subcommand = interaction.options.getSubcommand(false);
  const given = subcommand ? (interaction.options.data[0]?.options ?? []) : interaction.options.data;
  const text = optionsToText(subcommand, given.flatMap(toPair));
  const work = context.router.dispatch({
    platform: 'discord',
    command: interaction.commandName,
    text,
    user: callerOf(interaction),
    channel: { id: interaction.channelId },
    team: { id: interaction.guildId ?? 'dm' },
  });
  const early = await settleWithin(work, context.ackBudgetMs);
  // A reply with charts is deferred: drawing them must not eat into the 3 s answer window.
  if (early && !hasCharts(early.reply)) {
    await interaction.reply(await replyOptions(context, early.reply));
    return;
  }
  await interaction.deferReply();
  const { reply } = await work;
  if (reply.visibility === 'public') {
    await interaction.editReply(await editOptions(context, reply));
    return;
  }
  await interaction.deleteReply();
  await interaction.followUp(await replyOptions(context, reply));
}

/**
 * Offers values for the option being typed: its choices when it has more than Discord's 25, or its
 * completion source. Values containing the typed text are offered, those starting with it first,
 * at most 25.
 */
export async function onAutocomplete(
  context: InteractionContext,
  interaction: AutocompleteInteraction,
): Promise<void> {
  const focused = interaction.options.getFocused(true);
  const option = optionOf(
    context,
    interaction.commandName,
    interaction.options.getSubcommand(false),
    focused.name,
  );
  const values = option?.choices?.length
    ? option.choices
    : option?.complete
      ? (context.completions[option.complete]?.() ?? [])
      : [];
  const typed = String(focused.value).trim().toLowerCase();
  const starts = values.filter((v) => v.toLowerCase().startsWith(typed));
  const contains = values.filter(
    (v) => !v.toLowerCase().startsWith(typed) && v.toLowerCase().includes(typed),
  );
  const numeric = option?.kind === 'integer' || option?.kind === 'number';
  await interaction.respond(
    [...starts, ...contains]
      .slice(0, COMMAND_LIMITS.choices)
      .map((value) => ({ name: value.slice(0, 100), value: numeric ? Number(value) : value.slice(0, 100) })),
  );
}

function optionOf(
  context: InteractionContext,
  command: string,
  subcommand: string | null,
  name: string,
): OptionSpec | undefined {
  const spec = context.router.commands.find((c) => c.name === command);
  const leaf: CommandSpec | undefined =
    spec?.kind === 'group' ? spec.subcommands.find((sub) => sub.name === subcommand) : spec;
  return leaf?.options[name];
}

function toPair(option: CommandInteractionOption): [string, DiscordOptionValue][] {
  return option.value === undefined || option.value === null ? [] : [[option.name, option.value]];
}
