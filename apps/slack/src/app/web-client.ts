import type { webApi } from '@slack/bolt';

/** Slack's Web API client, as Bolt ships it. */
export type WebClient = webApi.WebClient;
