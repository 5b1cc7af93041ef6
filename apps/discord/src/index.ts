/**
 * @module @mlsys/discord
 * The Discord app: a thin discord.js adapter over the core. Application commands generated from the
 * command specs (typed options, choices, autocomplete, subcommands), embeds and buttons, modals for
 * typed answers, a Messenger for timer-driven posts, command registration and sharding.
 */
export { onAutocomplete, onChatInput } from './app/command-interactions.js';
export { onButton, onModalSubmit, PROMPT_FIELD, parseCustomId } from './app/component-interactions.js';
export { createDiscordBot, type DiscordBot, type DiscordBotConfig } from './app/create-discord-bot.js';
export { createDiscordMessenger, type DiscordMessengerOptions } from './app/discord-messenger.js';
export {
  type ChartFile,
  countdownLine,
  type DiscordPayload,
  toDiscordMessage,
  toDiscordPayload,
} from './app/discord-payload.js';
export {
  type CompletionSources,
  callerOf,
  DEFAULT_ACK_BUDGET_MS,
  type InteractionContext,
} from './app/interaction-context.js';
export {
  createInteractionMemory,
  INTERACTION_TOKEN_MS,
  type InteractionMemory,
  type InteractionToken,
} from './app/interaction-memory.js';
export { createPromptMemory, type PromptMemory, type PromptTexts } from './app/prompt-memory.js';
export { type RegisterOptions, registerCommands } from './app/register-commands.js';
export { COMMAND_NAME, checkApplicationCommands } from './commands/check-application-commands.js';
export { type DiscordOptionValue, optionsToText } from './commands/options-to-text.js';
export {
  ADMIN_COMMANDS,
  type ApplicationCommandJson,
  CHAT_INPUT,
  type ChoiceJson,
  COMMAND_LIMITS,
  hasAutocomplete,
  MANAGE_GUILD,
  OPTION_TYPE,
  type OptionJson,
  toApplicationCommands,
} from './commands/to-application-commands.js';
export type {
  DiscordActionRow,
  DiscordButton,
  DiscordEmbed,
  DiscordMessage,
} from './render/discord-types.js';
export { DISCORD_LIMITS, EPHEMERAL_FLAG } from './render/limits.js';
export { escapeDiscord, markupToDiscord } from './render/markup-to-discord.js';
export {
  CUSTOM_ID_SEPARATOR,
  chartFileName,
  EMBED_COLOUR,
  PROMPT_PREFIX,
  replyToDiscord,
} from './render/reply-to-discord.js';
export { type ShardOptions, startShards } from './sharding/start-shards.js';
