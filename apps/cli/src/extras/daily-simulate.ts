import {
  addDays,
  createDailyScheduler,
  createManualClock,
  createSeededRandom,
  instantOfLocal,
  localDateOf,
  type Messenger,
  randomInt,
  type Store,
  subscribeChannel,
} from '@mlsys/core';
import { type Corpus, loadBuiltinCorpus } from '@mlsys/corpus';
import { UserError } from '@mlsys/errors';
import { createStore, createTemporaryStore } from '@mlsys/store';
import { parseFlags } from './corpus-flags.js';
import type { CliExtra } from './index.js';

const USAGE = 'mlsys daily simulate --channels 12 --days 30 [--instances 3] [--seed 7] [--json]';
const FLAGS = {
  channels: 'string',
  days: 'string',
  instances: 'string',
  seed: 'string',
  json: 'boolean',
} as const;

/** What a simulation counts (`--json`). */
export interface DailySimulation {
  /** Daily questions posted. */
  posts: number;
  /** Posts beyond the first for a (channel, local date). */
  duplicates: number;
  /** (channel, local date) pairs whose post time passed without a post. */
  missing: number;
}

/**
 * Zones the simulated channels cycle through: New York (spring forward 2026-03-08, 02:00 → 03:00),
 * London (2026-03-29), Lord Howe (half-hour shift on 2026-04-05), Auckland (2026-04-05), São Paulo
 * (no DST since 2019), Kolkata (+5:30), Kathmandu (+5:45), UTC.
 */
const ZONES = [
  'America/New_York',
  'Europe/London',
  'Australia/Lord_Howe',
  'Pacific/Auckland',
  'America/Sao_Paulo',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'UTC',
];
/** Local posting times, including ones that do not exist (02:30) or happen twice (01:30) on DST days. */
const TIMES = ['02:30', '01:30', '09:00', '00:15', '23:45', '12:00', '02:15'];
/** 2026-03-01T00:00:00Z: before the March transitions. */
const START_MS = Date.UTC(2026, 2, 1);
/** How often each instance ticks, simulated ms. */
const TICK_MS = 5 * 60_000;

/**
 * Runs `instances` daily schedulers against one store on a fake clock for `days` days, with `channels`
 * channels spread over time zones with DST changes, and counts what the channels received. Each tick,
 * every instance ticks at the same simulated instant (concurrently), in a random order, and now and
 * then an instance misses a tick. With PostgreSQL every instance has its own connection pool; SQLite
 * allows one process per file, so instances share the one connection.
 */
export async function simulateDaily(options: {
  stores: readonly Store[];
  corpus: Corpus;
  channels: number;
  days: number;
  seed: number;
}): Promise<DailySimulation> {
  const { stores, corpus, channels, days, seed } = options;
  const random = createSeededRandom(seed);
  const clock = createManualClock(START_MS);
  const seen = new Map<string, number>();
  const messenger: Messenger = {
    async post(channel, reply) {
      const data = reply.data as { postId?: string; localDate?: string; answered?: unknown; title?: unknown };
      if (data?.postId !== undefined && data.localDate !== undefined && data.answered === undefined) {
        const key = `${channel.channelId} ${data.localDate}`;
        seen.set(key, (seen.get(key) ?? 0) + 1);
      }
      return { ...channel, messageId: `m${seen.size}-${randomInt(random, 1e9)}` };
    },
    update: async () => {},
    ephemeral: async () => {},
  };
  const schedulers = stores.map((store, i) =>
    createDailyScheduler({
      store,
      corpus,
      messenger,
      clock,
      seed: seed + i,
      onError: (message, fields) => {
        throw new Error(`${message}: ${JSON.stringify(fields)}`);
      },
    }),
  );
  const subs = Array.from({ length: channels }, (_, i) => ({
    channelId: `sim-${seed}-${i}`,
    timeZone: ZONES[i % ZONES.length]!,
    localTime: TIMES[randomInt(random, TIMES.length)]!,
  }));
  for (const sub of subs) {
    await subscribeChannel(
      stores[0]!,
      { platform: 'slack', channelId: sub.channelId },
      {
        timeZone: sub.timeZone,
        localTime: sub.localTime,
        weekdays: [1, 2, 3, 4, 5, 6, 7],
        topics: [],
        difficulty: { min: 1, max: 5 },
        revealAfterMs: 8 * 3_600_000,
      },
      'U-sim',
      START_MS,
    );
  }
  const end = START_MS + days * 86_400_000;
  let last = START_MS;
  for (let t = START_MS; t <= end; t += TICK_MS) {
    clock.set(t);
    last = t;
    const order = schedulers.filter(() => random.next() > 0.05);
    await Promise.all(order.map((s) => s.tick(t)));
  }
  // Let a tick run at the end so a post due in the last step is sent.
  await Promise.all(schedulers.map((s) => s.tick(last)));

  let expected = 0;
  let missing = 0;
  for (const sub of subs) {
    for (
      let date = localDateOf(START_MS, sub.timeZone);
      date <= localDateOf(last, sub.timeZone);
      date = addDays(date, 1)
    ) {
      const at = instantOfLocal(date, sub.localTime, sub.timeZone);
      if (at <= START_MS || at > last) continue;
      expected++;
      if (!seen.has(`${sub.channelId} ${date}`)) missing++;
    }
  }
  const posts = [...seen.values()].reduce((a, b) => a + b, 0);
  const duplicates = [...seen.values()].reduce((a, n) => a + n - 1, 0);
  // Posts for dates that were never due would show up as neither missing nor expected: count them too.
  const unexpected = posts - duplicates - (expected - missing);
  if (unexpected !== 0) throw new Error(`daily simulate: ${unexpected} posts on days that were not due`);
  return { posts, duplicates, missing };
}

function intFlag(raw: string | undefined, fallback: number, min: number, max: number, name: string): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new UserError('cli/bad-flag', `--${name} must be a whole number from ${min} to ${max}.`, {
      example: USAGE,
    });
  }
  return value;
}

/** Opens `instances` stores on one fresh database: a temporary PostgreSQL schema, or one SQLite file. */
export async function simulationStores(url: string | undefined, instances: number) {
  const first = await createTemporaryStore(url);
  const schema = /\(schema (\w+)\)$/.exec(first.location)?.[1];
  const others: Store[] = [];
  if (url !== undefined && schema !== undefined) {
    for (let i = 1; i < instances; i++) others.push(await createStore({ url, schema, poolSize: 4 }));
  }
  const stores = schema === undefined ? Array.from({ length: instances }, () => first) : [first, ...others];
  return {
    stores,
    engine: first.engine,
    close: async () => {
      for (const store of others) await store.close();
      await first.close();
    },
  };
}

/** `mlsys daily simulate`: several scheduler instances on one store, across time zones and DST. */
export const dailySimulateExtra: CliExtra = {
  path: ['daily', 'simulate'],
  summary:
    'Simulate daily questions: --channels C --days D [--instances I] [--seed S] [--json] (SQLite temp file, or DATABASE_URL)',
  async run(args, out) {
    const flags = parseFlags(args, FLAGS, USAGE);
    const channels = intFlag(flags.channels, 12, 1, 500, 'channels');
    const days = intFlag(flags.days, 30, 1, 366, 'days');
    const instances = intFlag(flags.instances, 2, 1, 8, 'instances');
    const seed = intFlag(flags.seed, 1, 0, 2 ** 31 - 1, 'seed');
    const corpus = await loadBuiltinCorpus();
    // biome-ignore lint/complexity/useLiteralKeys: process.env is an index signature
    const opened = await simulationStores(process.env['DATABASE_URL'], instances);
    try {
      const result = await simulateDaily({ stores: opened.stores, corpus, channels, days, seed });
      if (flags.json) out.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
      else {
        out.stdout.write(
          `Simulated ${days} days of ${channels} channels with ${instances} instances on ${opened.engine}: ${result.posts} posts, ${result.duplicates} duplicates, ${result.missing} missing.\n`,
        );
      }
      return result.duplicates === 0 && result.missing === 0 ? 0 : 1;
    } finally {
      await opened.close();
    }
  },
};
