/**
 * @module @mlsys/discord/testing
 * Test helpers (source only, never built): a local fake of Discord's REST API and gateway, and
 * interaction payloads as Discord sends them.
 */
export { type FakeDiscord, fakeMessage, type RestCall, startFakeDiscord } from './fake-discord.js';
export { autocomplete, buttonPress, chatInput, member, modalSubmit, type Who } from './interactions.js';
