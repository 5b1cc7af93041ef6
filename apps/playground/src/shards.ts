#!/usr/bin/env node
/**
 * Runs the Discord bot in shards (discord.js `ShardingManager`; Discord requires sharding above 2,500
 * servers): each shard is `main.js` in its own process with the playground and Slack off and an
 * ephemeral port. Shards share state only through PostgreSQL, so `DATABASE_URL` is required.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startShards } from '@mlsys/discord';
import { readEnv } from './env.js';

try {
  const env = readEnv(process.env);
  if (!env.DISCORD_TOKEN) throw new Error('DISCORD_TOKEN: is required to run Discord shards');
  if (!env.DATABASE_URL)
    throw new Error('DATABASE_URL: shards share state only through PostgreSQL; set a postgres:// URL');
  for (const variable of ['SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'SLACK_APP_TOKEN'])
    delete process.env[variable];
  Object.assign(process.env, { PLAYGROUND: 'off', PORT: '0' });
  await startShards({
    file: join(dirname(fileURLToPath(import.meta.url)), 'main.js'),
    token: env.DISCORD_TOKEN,
  });
} catch (error) {
  console.error(`mlsys-bot shards: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
