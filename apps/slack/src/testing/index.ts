/**
 * @module @mlsys/slack/testing
 * Test helpers (source only, never built): a local fake of Slack's Web API that records calls, and
 * requests signed as Slack signs them.
 */
export { type FakeCall, type FakeSlackApi, startFakeSlackApi } from './fake-slack-api.js';
export { commandBody, payloadBody, postSigned, type SigningOptions } from './signed-request.js';
export { findButton, pressButton, TEST_SIGNING_SECRET } from './slack-harness.js';
