import { join } from 'node:path';
import {
  dailyRandom,
  describeWeekdays,
  localDateOf,
  localTimeOf,
  type Platform,
  pickDailyQuestion,
  questionReply,
  replyToPlainText,
  upcomingPost,
} from '@mlsys/core';
import { loadBuiltinCorpus } from '@mlsys/corpus';
import { UserError } from '@mlsys/errors';
import { createStore } from '@mlsys/store';
import { parseFlags } from './corpus-flags.js';
import type { CliExtra } from './index.js';

const USAGE = 'mlsys daily preview --channel C0123 [--platform slack|discord|playground] [--json]';
const FLAGS = { channel: 'string', platform: 'string', json: 'boolean' } as const;
const PLATFORMS: readonly Platform[] = ['slack', 'discord', 'playground', 'cli'];

/**
 * `mlsys daily preview --channel X`: the channel's next daily question as the scheduler would draw it
 * (the draw is seeded by channel and date), with when it will be posted, from the bot's database
 * (DATABASE_URL, else `<MLSYS_DATA_DIR or ./data>/mlsys.db`).
 */
export const dailyPreviewExtra: CliExtra = {
  path: ['daily', 'preview'],
  summary: 'Show what a subscribed channel gets next: --channel X [--platform slack] [--json]',
  async run(args, out) {
    const flags = parseFlags(args, FLAGS, USAGE);
    if (flags.channel === undefined)
      throw new UserError('cli/bad-flag', 'Say which channel: --channel X.', { example: USAGE });
    const platform = (flags.platform ?? 'slack') as Platform;
    if (!PLATFORMS.includes(platform)) {
      throw new UserError('cli/bad-flag', `--platform must be one of ${PLATFORMS.join(', ')}.`, {
        example: USAGE,
      });
    }
    const env = process.env;
    // biome-ignore lint/complexity/useLiteralKeys: process.env is an index signature
    const url = env['DATABASE_URL'] ?? `sqlite:${join(env['MLSYS_DATA_DIR'] ?? 'data', 'mlsys.db')}`;
    const store = await createStore({ url });
    try {
      const sub = await store.daily.getSubscription(platform, flags.channel);
      if (!sub) {
        throw new UserError(
          'cli/not-subscribed',
          `${platform} channel ${flags.channel} has no daily question.`,
          {
            example: '/daily subscribe 09:30 tz=Europe/London (in the channel, as an admin)',
          },
        );
      }
      const next = await upcomingPost(store, sub);
      const history = (await store.daily.recentPosts(platform, sub.channelId, 'question', 2_000)).flatMap(
        (p) => (p.question ? [p.question.question.id] : []),
      );
      const presented = pickDailyQuestion(
        await loadBuiltinCorpus(),
        sub,
        history,
        dailyRandom(sub, next.localDate),
      );
      const when = {
        localDate: localDateOf(next.at, sub.timeZone),
        localTime: localTimeOf(next.at, sub.timeZone),
        timeZone: sub.timeZone,
        utc: new Date(next.at).toISOString(),
      };
      if (flags.json) {
        const question = presented ? (questionReply(presented).data as object) : null;
        out.stdout.write(
          `${JSON.stringify({ channel: sub.channelId, platform, next: when, question }, null, 2)}\n`,
        );
        return 0;
      }
      const head = `Next daily question of ${platform} ${sub.channelId}: ${when.localDate} ${when.localTime} ${sub.timeZone} (${when.utc}), ${describeWeekdays(sub.weekdays)}.`;
      const body = presented
        ? replyToPlainText(questionReply(presented, { title: 'Preview' }))
        : 'No question matches its topics and difficulty.';
      out.stdout.write(`${head}\n\n${body}\n`);
      return 0;
    } finally {
      await store.close();
    }
  },
};
