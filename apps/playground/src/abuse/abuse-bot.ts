import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { allCommands, createRouter, resolveCommand, systemRandom } from '@mlsys/core';
import { createOffsetClock, type OffsetClock } from '../server/offset-clock.js';
import { startBot } from '../start-bot.js';
import { type CountingKernels, countingKernels } from './counting-kernels.js';

/** The frozen instant the abuse tests run at: no bucket refills, so every count is exact. */
export const FROZEN_AT = Date.UTC(2026, 0, 5, 8, 0);

/** A whole bot process (playground over HTTP, rate limits on) for abuse tests. */
export interface AbuseBot {
  /** `http://127.0.0.1:port`. */
  base: string;
  clock: OffsetClock;
  /** Every call the bot made to its real kernel runner. */
  kernels: CountingKernels;
  /** Stops the bot (and its kernel process) and removes its data directory. */
  stop(): Promise<void>;
}

/**
 * Starts the bot as `startBot` does in production (SQLite in a fresh temporary directory), with its
 * clock frozen at {@link FROZEN_AT} and its kernel runner wrapped to count runs.
 *
 * @param environment Extra variables, e.g. `{ KERNEL_TIMEOUT_MS: '2000' }`.
 */
export async function startAbuseBot(environment: Record<string, string> = {}): Promise<AbuseBot> {
  const dataDir = mkdtempSync(join(tmpdir(), 'mlsys-abuse-'));
  const clock = createOffsetClock(() => FROZEN_AT);
  const kernels = countingKernels();
  const bot = await startBot(
    { PORT: '0', DATA_DIR: dataDir, RATE_LIMIT: 'on', ...environment },
    { clock, wrapKernels: kernels.wrap },
  );
  return {
    base: `http://127.0.0.1:${bot.port}`,
    clock,
    kernels,
    stop: async () => {
      await bot.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const unlimited = createRouter({
  commands: allCommands,
  services: { clock: createOffsetClock(() => FROZEN_AT), random: systemRandom },
});

/** The reply text a calculator or bot command line gets from a bot with no load and no limits. */
export async function replyAlone(line: string): Promise<string> {
  const [, command = '', text = ''] = /^\/(\S+)\s*([\s\S]*)$/.exec(line) ?? [];
  const { status, reply } = await unlimited.dispatch({
    platform: 'playground',
    command,
    text,
    user: { id: 'alone', name: 'alone', isAdmin: true },
    channel: { id: 'alone' },
    team: { id: 'playground' },
  });
  if (status !== 'ok') throw new Error(`${line} failed alone: ${reply.fallbackText}`);
  return reply.fallbackText;
}

/** The rate-limit cost of a command line, as the router resolves it (e.g. 10 for `/kernel attention`). */
export function costOf(line: string): number {
  const [, name = '', text = ''] = /^\/(\S+)\s*([\s\S]*)$/.exec(line) ?? [];
  const command = allCommands.find((candidate) => candidate.name === name);
  if (!command) throw new Error(`no command /${name}`);
  return resolveCommand(command, text).spec.cost;
}
