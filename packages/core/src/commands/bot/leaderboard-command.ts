import { leaderboardReply } from '../../daily/daily-replies.js';
import { addDays, localDateOf, mondayOf } from '../../daily/local-time.js';
import { namesOf } from '../../daily/weekly-leaderboard.js';
import { defineCommand } from '../define-command.js';
import { option } from '../option.js';
import { storeOf } from './bot-services.js';

/** Places shown. */
const SIZE = 10;

/** `/leaderboard [week|all]`: this channel's daily-question standings. */
export const leaderboardCommand = defineCommand({
  name: 'leaderboard',
  description: "This channel's daily-question standings: this week or all time",
  options: {
    period: option({
      description: 'week (this local week, Monday to Sunday) or all (all time)',
      positional: true,
      default: 'week',
      choices: ['week', 'all'],
      parse: (raw) => (raw.toLowerCase() === 'all' ? ('all' as const) : ('week' as const)),
    }),
  },
  examples: ['', 'all'],
  cost: 1,
  async run(input, { invocation, services }) {
    const store = storeOf(services);
    const { platform, channel } = invocation;
    const sub = await store.daily.getSubscription(platform, channel.id);
    const zone = sub?.timeZone ?? 'UTC';
    const today = localDateOf(services.clock.now().getTime(), zone);
    const monday = mondayOf(today);
    const [from, to, subtitle] =
      input.period === 'week'
        ? [monday, addDays(monday, 6), `Right answers to the daily question, week of ${monday} (${zone}).`]
        : [null, null, 'Right answers to the daily question, all time.'];
    const totals = await store.daily.totals(platform, channel.id, from, to, SIZE);
    const nameOf = await namesOf(
      store,
      platform,
      totals.map((t) => t.userId),
    );
    const title = input.period === 'week' ? 'Leaderboard · this week' : 'Leaderboard · all time';
    return leaderboardReply(title, subtitle, totals, nameOf, 'public');
  },
});
