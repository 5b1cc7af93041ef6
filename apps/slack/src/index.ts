/**
 * @module @mlsys/slack
 * The Slack app. So far: Block Kit rendering of the core's replies, within Slack's limits.
 */
export type { SlackBlock, SlackButton, SlackImageSource, SlackMessage } from './render/block-kit-types.js';
export { SLACK_LIMITS } from './render/limits.js';
export { escapeMrkdwn, markupToMrkdwn } from './render/markup-to-mrkdwn.js';
export {
  ACTION_INDEX_SEPARATOR,
  type BlockKitOptions,
  replyToBlockKit,
} from './render/reply-to-block-kit.js';
