import { ShardingManager } from 'discord.js';

/** How to run the bot in shards. */
export interface ShardOptions {
  /** The bot's entry file (built JavaScript); each shard runs it as a child process. */
  file: string;
  token: string;
  /** `auto` asks Discord for the recommended count (`GET /gateway/bot`); required above 2,500 servers. */
  totalShards?: number | 'auto';
}

/**
 * Spawns the bot once per shard with discord.js's {@link ShardingManager}. Each child inherits this
 * process's environment plus `SHARDS` and `SHARD_COUNT`, from which its client takes its shard ids.
 * Shards share nothing in memory, so they need a shared store (PostgreSQL): quiz and daily state
 * live there (DESIGN.md, "State and scale").
 */
export async function startShards(options: ShardOptions): Promise<ShardingManager> {
  const manager = new ShardingManager(options.file, {
    token: options.token,
    totalShards: options.totalShards ?? 'auto',
    respawn: true,
  });
  manager.on('shardCreate', (shard) => console.log(`discord: shard ${shard.id} started`));
  await manager.spawn();
  return manager;
}
