/**
 * @module @mlsys/slack
 * The Slack app: a thin Bolt adapter over the core. Slash commands generated from the command specs,
 * Block Kit replies, buttons and modals routed back as core actions, the Home tab, the manifest, and a
 * Messenger for timer-driven posts.
 */
export { ADMIN_CACHE_MS, type AdminRule, createAdminRule } from './app/admin-rule.js';
export { FORM_COMMANDS } from './app/command-forms.js';
export { createSlackBot, type SlackBot, type SlackBotConfig } from './app/create-slack-bot.js';
export { HOME_SECTIONS } from './app/home-listener.js';
export { DEFAULT_ACK_BUDGET_MS } from './app/listener-context.js';
export { createRecentIds, type RecentIds } from './app/recent-ids.js';
export { createSlackMessenger } from './app/slack-messenger.js';
export { guardTimestamps, SLACK_TIMESTAMP_WINDOW_S } from './app/timestamp-guard.js';
export {
  type ManifestOptions,
  type ManifestSlashCommand,
  SLACK_BOT_EVENTS,
  SLACK_BOT_SCOPES,
  SLACK_EVENTS_PATH,
  type SlackManifest,
  toSlackManifest,
} from './manifest/slack-manifest.js';
export { coreCommandName, slackCommandName } from './manifest/slash-commands.js';
export type { SlackBlock, SlackButton, SlackImageSource, SlackMessage } from './render/block-kit-types.js';
export { withDeadline } from './render/deadline-context.js';
export { HOME_BLOCKS_MAX, type HomeView, homeView } from './render/home-view.js';
export { SLACK_LIMITS } from './render/limits.js';
export { escapeMrkdwn, markupToMrkdwn } from './render/markup-to-mrkdwn.js';
export {
  COMMAND_FORM_CALLBACK_ID,
  commandFormModal,
  formToArguments,
  MODAL_LIMITS,
  type ModalView,
  PROMPT_CALLBACK_ID,
  promptModal,
} from './render/modals.js';
export { type PressedButton, parseSlackActionId } from './render/parse-action-id.js';
export {
  ACTION_INDEX_SEPARATOR,
  type BlockKitOptions,
  PROMPT_PREFIX,
  type PromptButtonValue,
  replyToBlockKit,
} from './render/reply-to-block-kit.js';
