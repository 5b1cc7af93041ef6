import { z } from 'zod';

/** An unset or empty variable is absent (so `SLACK_BOT_TOKEN=` switches Slack off). */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

/** A Discord id: a snowflake, 17–20 decimal digits (Discord API v10, "Snowflakes"). */
const snowflake = z.string().regex(/^\d{17,20}$/, 'must be a Discord id (17–20 digits)');

/**
 * The platform variables (Slack: Bolt's HTTP mode or Socket Mode; Discord: gateway bot). A platform
 * runs when its token is set; its other variables are then checked by {@link checkPlatformEnv}.
 */
export const platformEnvShape = {
  /** Slack bot token (`xoxb-…`); Slack runs when it is set. */
  SLACK_BOT_TOKEN: optional(z.string().regex(/^xoxb-/, 'must be a bot token starting xoxb-')),
  /** Slack signing secret: HTTP mode, requests at `/slack/events` on PORT. */
  SLACK_SIGNING_SECRET: optional(
    z.string().regex(/^[0-9a-f]{16,}$/i, 'must be the hex signing secret of the app'),
  ),
  /** Slack app-level token (`xapp-…`, scope connections:write): Socket Mode. */
  SLACK_APP_TOKEN: optional(z.string().regex(/^xapp-/, 'must be an app-level token starting xapp-')),
  /** Another Slack Web API base (tests: a local fake), ending in `/api/`. */
  SLACK_API_URL: optional(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' })),
  /** Discord bot token; Discord runs when it is set. */
  DISCORD_TOKEN: optional(
    z.string().regex(/^[\w-]+\.[\w-]+\.[\w-]+$/, 'must be a bot token (three dot-separated parts)'),
  ),
  /** The Discord application id (General Information page of the app). */
  DISCORD_APPLICATION_ID: optional(snowflake),
  /** Registers commands to this server at start-up (instant; for development). */
  DISCORD_GUILD_ID: optional(snowflake),
  /** Another Discord REST base (tests: a local fake), e.g. `http://127.0.0.1:4000/api`. */
  DISCORD_API_URL: optional(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' })),
};

/** The platform variables after parsing. */
export type PlatformEnv = { [K in keyof typeof platformEnvShape]?: string | undefined };

/** Cross-variable rules: what each platform needs once its token is set. */
export function checkPlatformEnv(env: PlatformEnv, ctx: z.RefinementCtx): void {
  const need = (variable: keyof PlatformEnv, message: string) =>
    ctx.addIssue({ code: 'custom', path: [variable], message });
  if (env.SLACK_BOT_TOKEN && !env.SLACK_SIGNING_SECRET && !env.SLACK_APP_TOKEN) {
    need(
      'SLACK_SIGNING_SECRET',
      'is required with SLACK_BOT_TOKEN (HTTP mode), or set SLACK_APP_TOKEN (Socket Mode)',
    );
  }
  for (const variable of ['SLACK_SIGNING_SECRET', 'SLACK_APP_TOKEN', 'SLACK_API_URL'] as const) {
    if (env[variable] && !env.SLACK_BOT_TOKEN) need('SLACK_BOT_TOKEN', `is required when ${variable} is set`);
  }
  if (env.DISCORD_TOKEN && !env.DISCORD_APPLICATION_ID) {
    need('DISCORD_APPLICATION_ID', 'is required with DISCORD_TOKEN');
  }
  for (const variable of ['DISCORD_APPLICATION_ID', 'DISCORD_GUILD_ID', 'DISCORD_API_URL'] as const) {
    if (env[variable] && !env.DISCORD_TOKEN) need('DISCORD_TOKEN', `is required when ${variable} is set`);
  }
}
