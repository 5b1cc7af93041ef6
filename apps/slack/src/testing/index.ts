/**
 * @module @mlsys/slack/testing
 * Test helpers: a local fake of Slack's Web API that records calls, requests signed as Slack signs
 * them, the app served over HTTP, and buttons to press. This entry is source only; the modules the
 * bench imports (all but the harness, which needs `@mlsys/core/testing`) are compiled into dist with it.
 */
export { type FakeCall, type FakeSlackApi, startFakeSlackApi } from './fake-slack-api.js';
export {
  type ServedSlackBot,
  type ServeOptions,
  serveSlackBot,
  TEST_SIGNING_SECRET,
} from './serve-slack-bot.js';
export {
  commandBody,
  payloadBody,
  postSigned,
  type SigningOptions,
  signedHeaders,
} from './signed-request.js';
export { findButton, pressButton } from './slack-buttons.js';
