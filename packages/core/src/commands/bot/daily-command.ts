import { UserError } from '@mlsys/errors';
import { localDateOf, localTimeOf, parseTimeOfDay, parseTimeZone } from '../../daily/local-time.js';
import { pickDailyQuestion } from '../../daily/pick-question.js';
import { DEFAULT_REVEAL_AFTER_MS, describeWeekdays, parseWeekdays } from '../../daily/schedule.js';
import { dailyRandom } from '../../daily/scheduler.js';
import { dailyStreak } from '../../daily/streaks.js';
import { skipNextPost, subscribeChannel, upcomingPost } from '../../daily/subscriptions.js';
import type { DailySubscription } from '../../ports/store-daily.js';
import { questionReply } from '../../questions/question-reply.js';
import { openQuestionData } from '../../questions/question-secrecy.js';
import { note } from '../../quiz/replies/answer-reply.js';
import type { Reply } from '../../reply/reply.js';
import { type CommandContext, defineCommand, defineCommandGroup } from '../define-command.js';
import { option } from '../option.js';
import { assertAdmin, corpusOf, storeOf } from './bot-services.js';
import { parseDifficultyRange, parseIntIn, parseTopics } from './quiz-parsers.js';

/** The channel's subscription. @throws UserError when there is none. */
async function subscriptionOf(context: CommandContext): Promise<DailySubscription> {
  const { platform, channel } = context.invocation;
  const sub = await storeOf(context.services).daily.getSubscription(platform, channel.id);
  if (!sub) {
    throw new UserError('daily/not-subscribed', 'This channel has no daily question.', {
      example: '/daily subscribe 09:30 tz=Europe/London',
    });
  }
  return sub;
}

/** `Tue 2026-03-10 09:30 Europe/London (08:30 UTC)`. */
function when(at: number, timeZone: string): string {
  const date = localDateOf(at, timeZone);
  const day = new Date(`${date}T00:00:00Z`).toLocaleDateString('en-US', {
    weekday: 'short',
    timeZone: 'UTC',
  });
  return `${day} ${date} ${localTimeOf(at, timeZone)} ${timeZone} (${localTimeOf(at, 'UTC')} UTC)`;
}

/** One line per setting of a subscription. */
function settingsFields(sub: DailySubscription) {
  const level =
    sub.difficulty.min === sub.difficulty.max
      ? `${sub.difficulty.min}`
      : `${sub.difficulty.min}–${sub.difficulty.max}`;
  return [
    { label: 'Time', value: `${sub.localTime} ${sub.timeZone}, ${describeWeekdays(sub.weekdays)}` },
    { label: 'Topics', value: sub.topics.length === 0 ? 'any' : sub.topics.join(', ') },
    { label: 'Difficulty', value: level },
    { label: 'Answer revealed', value: `${sub.revealAfterMs / 3_600_000} h after the post` },
  ];
}

const subscribe = defineCommand({
  name: 'subscribe',
  description: 'Post a daily question here at a local time (admins)',
  options: {
    time: option({
      description: 'Local time of day, 24-hour HH:MM',
      positional: true,
      default: '09:00',
      example: '09:30',
      parse: parseTimeOfDay,
    }),
    tz: option({
      description: 'IANA time zone, e.g. Europe/London',
      required: true,
      example: 'Europe/London',
      parse: parseTimeZone,
    }),
    days: option({
      description: 'Days: mon-fri, daily, weekends or a list like mon,wed,fri',
      default: 'mon-fri',
      parse: parseWeekdays,
    }),
    topic: option({
      description: 'Topics, comma-separated (or any)',
      default: 'any',
      complete: 'topic',
      example: 'kv-cache,moe',
      parse: parseTopics,
    }),
    difficulty: option({
      description: 'Level 1-5, a name (easy, hard) or a range like 2-4',
      default: '1-5',
      example: '2-4',
      parse: parseDifficultyRange,
    }),
    reveal: option({
      description: 'Hours until the answer is revealed (1-23)',
      kind: 'integer',
      default: String(DEFAULT_REVEAL_AFTER_MS / 3_600_000),
      parse: parseIntIn(1, 23, 'reveal', 'reveal=8'),
    }),
  },
  examples: [
    '09:30 tz=Europe/London',
    '10:00 tz=America/New_York days=daily topic=kv-cache,moe difficulty=2-4',
  ],
  cost: 2,
  async run(input, context) {
    const { invocation, services } = context;
    assertAdmin(invocation, 'set up the daily question');
    const store = storeOf(services);
    const now = services.clock.now().getTime();
    await store.users.upsertChannel({
      platform: invocation.platform,
      channelId: invocation.channel.id,
      name: invocation.channel.name ?? null,
    });
    const sub = await subscribeChannel(
      store,
      { platform: invocation.platform, channelId: invocation.channel.id },
      {
        timeZone: input.tz,
        localTime: input.time,
        weekdays: input.days,
        topics: input.topic,
        difficulty: input.difficulty,
        revealAfterMs: input.reveal * 3_600_000,
      },
      invocation.user.id,
      now,
    );
    const next = await upcomingPost(store, sub);
    return {
      visibility: 'public',
      blocks: [
        { type: 'header', text: 'Daily question on' },
        { type: 'fields', fields: settingsFields(sub) },
        {
          type: 'context',
          text: `First post: ${when(next.at, sub.timeZone)}. Days and streaks count in ${sub.timeZone}.`,
        },
      ],
      fallbackText: `Daily question on: ${sub.localTime} ${sub.timeZone}; first post ${when(next.at, sub.timeZone)}.`,
      data: { subscription: sub, nextPost: { localDate: next.localDate, at: next.at } },
    };
  },
});

const unsubscribe = defineCommand({
  name: 'unsubscribe',
  description: 'Stop the daily question here (admins)',
  options: {},
  examples: [''],
  cost: 1,
  async run(_input, { invocation, services }) {
    assertAdmin(invocation, 'stop the daily question');
    const removed = await storeOf(services).daily.deleteSubscription(
      invocation.platform,
      invocation.channel.id,
    );
    return removed
      ? {
          ...note('Daily question stopped. Answers and streaks so far are kept.', { removed }),
          visibility: 'public',
        }
      : note('This channel had no daily question.', { removed });
  },
});

const status = defineCommand({
  name: 'status',
  description: 'The daily question settings here, the next post and your streak',
  options: {},
  examples: [''],
  cost: 1,
  async run(_input, context) {
    const sub = await subscriptionOf(context);
    const store = storeOf(context.services);
    const { invocation } = context;
    const next = await upcomingPost(store, sub);
    const streak = await dailyStreak(store, invocation.platform, invocation.channel.id, invocation.user.id);
    const blocks: Reply['blocks'] = [
      { type: 'header', text: 'Daily question' },
      { type: 'fields', fields: [...settingsFields(sub), { label: 'Your streak', value: `${streak}` }] },
      { type: 'context', text: `Next post: ${when(next.at, sub.timeZone)}.` },
    ];
    return {
      visibility: 'ephemeral',
      blocks,
      fallbackText: `Daily question at ${sub.localTime} ${sub.timeZone}; next ${when(next.at, sub.timeZone)}; your streak ${streak}.`,
      data: { subscription: sub, nextPost: { localDate: next.localDate, at: next.at }, streak },
    };
  },
});

const skip = defineCommand({
  name: 'skip',
  description: 'Skip the next daily question here (admins)',
  options: {},
  examples: [''],
  cost: 1,
  async run(_input, context) {
    assertAdmin(context.invocation, 'skip the daily question');
    const sub = await subscriptionOf(context);
    const now = context.services.clock.now().getTime();
    const skipped = await skipNextPost(storeOf(context.services), sub, now, () =>
      crypto.randomUUID().replaceAll('-', '').slice(0, 16),
    );
    return {
      ...note(`Skipping the daily question of ${when(skipped.at, sub.timeZone)}.`, {
        skipped: skipped.localDate,
      }),
      visibility: 'public',
    };
  },
});

const preview = defineCommand({
  name: 'preview',
  description: 'Show the next daily question of this channel, only to you (admins)',
  options: {},
  examples: [''],
  cost: 2,
  async run(_input, context) {
    assertAdmin(context.invocation, 'preview the daily question');
    const sub = await subscriptionOf(context);
    const store = storeOf(context.services);
    const next = await upcomingPost(store, sub);
    const history = (await store.daily.recentPosts(sub.platform, sub.channelId, 'question', 2_000)).flatMap(
      (p) => (p.question ? [p.question.question.id] : []),
    );
    const presented = pickDailyQuestion(
      await corpusOf(context.services),
      sub,
      history,
      dailyRandom(sub, next.localDate),
    );
    if (!presented) {
      throw new UserError('daily/no-questions', 'No question matches this channel’s topics and difficulty.', {
        example: '/daily subscribe 09:30 tz=Europe/London topic=any',
      });
    }
    const reply = questionReply(presented, { title: 'Preview', visibility: 'ephemeral' });
    reply.blocks = reply.blocks.filter((b) => b.type !== 'actions');
    reply.blocks.push({
      type: 'context',
      text: `Would be posted ${when(next.at, sub.timeZone)}, if nothing changes before.`,
    });
    return { ...reply, data: { ...openQuestionData(reply.data), localDate: next.localDate, at: next.at } };
  },
});

/** `/daily subscribe|unsubscribe|status|skip|preview`: the channel's daily question. */
export const dailyCommand = defineCommandGroup({
  name: 'daily',
  description: 'A daily question at a local time: answers, streaks, a weekly leaderboard',
  subcommands: [subscribe, unsubscribe, status, skip, preview],
});
