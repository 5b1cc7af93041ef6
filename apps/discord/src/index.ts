/**
 * @module @mlsys/discord
 * The Discord app. So far: message rendering of the core's replies, within Discord's limits.
 */
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
