import { UserError } from '@mlsys/errors';
import { dailyStreak } from '../../daily/streaks.js';
import { NEW_RATING } from '../../ratings/lichess-rating.js';
import { defineCommand } from '../define-command.js';
import { option } from '../option.js';
import { storeOf } from './bot-services.js';

/**
 * Reads a user as typed or as a platform mention: `U123`, `<@U123>`, `<@U123|ada>`, `<@!123>`.
 *
 * @throws UserError `stats/bad-user` for anything else.
 */
export function parseUserRef(raw: string): string {
  const match = /^<@!?([A-Za-z0-9]+)(?:\|[^>]*)?>$/.exec(raw.trim()) ?? /^([A-Za-z0-9]+)$/.exec(raw.trim());
  if (!match) {
    throw new UserError(
      'stats/bad-user',
      `"${raw}" is not a user: mention them, or leave it out for yourself.`,
      {
        example: '/stats @ada',
      },
    );
  }
  return match[1]!;
}

/** `/stats [user]`: ratings per topic, the daily streak here, and accuracy. */
export const statsCommand = defineCommand({
  name: 'stats',
  description: 'Ratings per topic, daily streak here and accuracy (yours or a user’s)',
  options: {
    user: option({
      description: 'Whose stats (a mention); yours by default',
      positional: true,
      parse: parseUserRef,
    }),
  },
  examples: ['', '<@U024BE7LH>'],
  cost: 1,
  async run(input, { invocation, services }) {
    const store = storeOf(services);
    const { platform, channel } = invocation;
    const userId = input.user ?? invocation.user.id;
    const name =
      userId === invocation.user.id
        ? invocation.user.name
        : ((await store.users.getUser(platform, userId))?.name ?? userId);
    const [[overall], topics, accuracy, streak] = await Promise.all([
      store.ratings.get([{ kind: 'player', platform, userId, topic: null }]),
      store.ratings.playerTopics(platform, userId),
      store.ratings.accuracy(platform, userId),
      dailyStreak(store, platform, channel.id, userId),
    ]);
    const accuracyOf = new Map(accuracy.map((a) => [a.topic, a]));
    const attempts = accuracy.reduce((n, a) => n + a.attempts, 0);
    const correct = accuracy.reduce((n, a) => n + a.correct, 0);
    const rating = overall ?? NEW_RATING;
    const pct = (c: number, n: number) => (n === 0 ? '—' : `${Math.round((100 * c) / n)}%`);
    const rows = topics.map((t) => {
      const a = accuracyOf.get(t.topic);
      return [
        t.topic,
        `${Math.round(t.rating)} ± ${Math.round(2 * t.rd)}`,
        String(t.games),
        a ? `${a.correct}/${a.attempts} (${pct(a.correct, a.attempts)})` : '—',
      ];
    });
    return {
      visibility: 'ephemeral',
      blocks: [
        { type: 'header', text: `Stats · ${name}` },
        {
          type: 'fields',
          fields: [
            {
              label: 'Rating',
              value: `${Math.round(rating.rating)} ± ${Math.round(2 * rating.rd)} (${rating.games} games)`,
            },
            { label: 'Daily streak here', value: String(streak) },
            {
              label: 'Accuracy',
              value: `${correct}/${attempts} first attempts right (${pct(correct, attempts)})`,
            },
          ],
        },
        rows.length === 0
          ? { type: 'text', text: 'No rated answers yet: try `/question`.' }
          : {
              type: 'table',
              columns: [
                { title: 'Topic' },
                { title: 'Rating', align: 'right' },
                { title: 'Games', align: 'right' },
                { title: 'Right', align: 'right' },
              ],
              rows,
            },
        {
          type: 'context',
          text: 'Glicko-2 with Lichess’s constants; ± is about 95% (2 RD). First attempts only count; streaks count in the channel’s own days.',
        },
      ],
      fallbackText: `${name}: rating ${Math.round(rating.rating)}, streak ${streak}, ${correct}/${attempts} right.`,
      data: {
        userId,
        rating: { rating: rating.rating, rd: rating.rd, games: rating.games },
        topics: topics.map((t) => ({ topic: t.topic, rating: t.rating, rd: t.rd, games: t.games })),
        accuracy,
        streak,
      },
    };
  },
});
