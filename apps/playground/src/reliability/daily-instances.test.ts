import {
  createSeededRandom,
  DEFAULT_REVEAL_AFTER_MS,
  localDateOf,
  randomInt,
  subscribeChannel,
} from '@mlsys/core';
import { type FakeCall, startFakeSlackApi } from '@mlsys/slack/testing';
import { postgresHarness, TEST_DATABASE_URL } from '@mlsys/store/testing';
import { describe, expect, it } from 'vitest';
import { type BotProcess, startBotProcess } from './bot-process.js';

const INSTANCES = 3;
const CHANNELS = 100;
const DAYS = 30;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * 60 * MINUTE;
/** After a day's main step, the clocks move this much more: past the 10-minute stale-claim limit. */
const TAKEOVER_STEP_MINUTES = 15;
/**
 * Time zones whose local time at 20:00 UTC lies between 10:00 and 22:00 all year (with or without
 * DST), so each day's step lands after the 09:00 post time and before local midnight everywhere.
 */
const ZONES = [
  'UTC',
  'Europe/London',
  'Europe/Berlin',
  'America/Sao_Paulo',
  'America/New_York',
  'America/Chicago',
  'America/Denver',
  'America/Los_Angeles',
  'Pacific/Honolulu',
];
const TOPICS = ['kv-cache', 'attention', 'moe', 'quantization', 'distributed-training'];

const keyOf = (call: FakeCall) =>
  (call.params.metadata as { event_payload?: { key?: string } } | undefined)?.event_payload?.key;

async function waitUntil(what: () => string[], ms: number): Promise<void> {
  const until = Date.now() + ms;
  for (;;) {
    const missing = what();
    if (missing.length === 0) return;
    if (Date.now() > until)
      throw new Error(`still missing after ${ms} ms: ${missing.slice(0, 10).join(', ')}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('daily question across instances on PostgreSQL, one instance killed each day', () => {
  it('3 bot processes, 100 channels, 30 days: exactly one question and one reveal per channel and day', async () => {
    const api = await startFakeSlackApi();
    const database = await postgresHarness();
    const random = createSeededRandom(2026);
    const instances: BotProcess[] = [];
    const started: Promise<BotProcess>[] = [];
    const spawnBot = (env: Record<string, string>) => {
      const bot = startBotProcess(env);
      started.push(bot);
      return bot;
    };
    const setup = await database.open();
    try {
      // Day 0 is tomorrow at 20:00 UTC; subscribing at 06:00 UTC that day makes its 09:00 the first post
      // everywhere (after the real now, so nothing is due before the clocks move).
      const start = Math.floor(Date.now() / DAY) * DAY + DAY + 20 * 60 * MINUTE;
      const channels = Array.from({ length: CHANNELS }, (_, i) => ({
        id: `C${String(i).padStart(3, '0')}`,
        zone: ZONES[i % ZONES.length]!,
      }));
      for (const [i, channel] of channels.entries()) {
        await subscribeChannel(
          setup,
          { platform: 'slack', channelId: channel.id },
          {
            timeZone: channel.zone,
            localTime: '09:00',
            weekdays: [1, 2, 3, 4, 5, 6, 7],
            topics: [TOPICS[i % TOPICS.length]!],
            difficulty: { min: 1, max: 5 },
            revealAfterMs: DEFAULT_REVEAL_AFTER_MS,
          },
          'U-admin',
          start - 14 * HOUR,
        );
      }
      const url = new URL(TEST_DATABASE_URL);
      url.searchParams.set('schema', database.schema);
      const env = {
        DATABASE_URL: url.toString(),
        SLACK_BOT_TOKEN: 'xoxb-test',
        SLACK_SIGNING_SECRET: '0123456789abcdef0123456789abcdef',
        SLACK_API_URL: api.apiUrl,
        NODE_ENV: 'development',
      };
      instances.push(...(await Promise.all(Array.from({ length: INSTANCES }, () => spawnBot(env)))));

      /** Each channel's local date on day `d` (the clocks stay within minutes of 20:00 UTC). */
      const dateOf = (channel: { zone: string }, d: number) => localDateOf(start + d * DAY, channel.zone);
      const posted = () => {
        const keys = new Set<string>();
        for (const call of api.delivered('chat.postMessage'))
          keys.add(`${call.params.channel} ${keyOf(call)}`);
        return keys;
      };
      const missingOn = (d: number) => {
        const keys = posted();
        return channels.flatMap((c) => [
          ...(keys.has(`${c.id} daily/question/${dateOf(c, d)}`) ? [] : [`${c.id} question ${dateOf(c, d)}`]),
          ...(d === 0 || keys.has(`${c.id} daily/reveal/${dateOf(c, d - 1)}`)
            ? []
            : [`${c.id} reveal ${dateOf(c, d - 1)}`]),
        ]);
      };

      let offset = 0;
      let kills = 0;
      let killedMidTick = 0;
      for (let d = 0; d < DAYS; d++) {
        const step =
          d === 0 ? Math.ceil((start - Date.now()) / MINUTE) : DAY / MINUTE - TAKEOVER_STEP_MINUTES;
        const victim = randomInt(random, INSTANCES);
        let victimDone = false;
        const advancing = instances.map((bot, i) =>
          bot.advance(step).then(
            () => {
              if (i === victim) victimDone = true;
            },
            () => {},
          ),
        );
        // Kill one instance a random moment into the day's work (posts, reveals, claims in flight).
        await new Promise((resolve) => setTimeout(resolve, randomInt(random, 250)));
        if (!victimDone) killedMidTick++;
        instances[victim]!.kill();
        expect(await instances[victim]!.exited).toBe('SIGKILL');
        kills++;
        const replacement = spawnBot(env);
        await Promise.all(advancing);
        offset += step + TAKEOVER_STEP_MINUTES;
        const survivors = instances.filter((_, i) => i !== victim);
        await Promise.all(survivors.map((bot) => bot.advance(TAKEOVER_STEP_MINUTES)));
        await waitUntil(() => missingOn(d), 60_000);
        instances[victim] = await replacement;
        await instances[victim]!.advance(offset);
      }

      // Exactly one of each: no key twice in a channel, and precisely the expected keys.
      const counts = new Map<string, number>();
      for (const call of api.delivered('chat.postMessage')) {
        const key = `${call.params.channel} ${keyOf(call)}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      const twice = [...counts].filter(([, n]) => n > 1);
      expect(twice).toEqual([]);
      const expected = channels.flatMap((c) =>
        Array.from({ length: DAYS }, (_, d) => [
          `${c.id} daily/question/${dateOf(c, d)}`,
          ...(d < DAYS - 1 ? [`${c.id} daily/reveal/${dateOf(c, d)}`] : []),
        ]).flat(),
      );
      expect([...counts.keys()].sort()).toEqual(expected.sort());
      expect(counts.size).toBe(CHANNELS * (2 * DAYS - 1));

      // The store recorded, for every question, the very message Slack holds under its key.
      const tsByKey = new Map(
        api
          .delivered('chat.postMessage')
          .map((call) => [`${call.params.channel} ${keyOf(call)}`, (call.response as { ts: string }).ts]),
      );
      const wrong: string[] = [];
      for (const c of channels) {
        for (let d = 0; d < DAYS; d++) {
          const row = await setup.daily.getPostByDate('slack', c.id, 'question', dateOf(c, d));
          const ts = tsByKey.get(`${c.id} daily/question/${dateOf(c, d)}`);
          if (row?.messageId !== ts) wrong.push(`${c.id} ${dateOf(c, d)}: ${row?.messageId} vs ${ts}`);
        }
      }
      expect(wrong).toEqual([]);
      // Lookups happen only when a claim is taken over: a dead instance's post was looked for.
      const lookups = api.calls.filter((c) => c.method === 'conversations.history').length;
      expect(lookups).toBeGreaterThan(0);
      console.info(
        `daily across instances: ${kills} kills (${killedMidTick} while the instance's tick was in flight), ` +
          `${counts.size} keyed posts, ${lookups} takeover lookups`,
      );
    } finally {
      for (const result of await Promise.allSettled(started)) {
        if (result.status === 'fulfilled') {
          result.value.kill();
          await result.value.exited;
        }
      }
      await setup.close();
      await api.close();
      await database.cleanup();
    }
  }, 600_000);
});
