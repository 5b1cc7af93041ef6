import type { PlayerRecord, QuizRecord } from '../../ports/store-quiz.js';
import { type QuizRatingChange, quizTeamRatings } from '../../ratings/quiz-ratings.js';
import type { LineChartSpec } from '../../reply/chart.js';
import type { Block, Reply } from '../../reply/reply.js';
import { playerStandings, teamStandings } from '../standings.js';
import { points, teamTableBlock } from './quiz-text.js';

/** Places on the podium (users asked for more than Kahoot's 3: shared/reference/quiz-and-platforms.md). */
export const PODIUM_SIZE = 5;

const MEDALS = ['🥇', '🥈', '🥉'];

/**
 * The end of a quiz: a podium of up to five, the team result (with team ratings, the mean of the
 * members'), and the podium's rating changes since they joined (Glicko-2, first attempts only).
 *
 * @param ratings Rating changes of the players; without them no rating line is shown.
 * @param progression The leaders' score after each round (see `scoreProgression`), shown as a chart.
 */
export function finalReply(
  quiz: QuizRecord,
  players: readonly PlayerRecord[],
  how: 'finished' | 'stopped',
  ratings?: readonly QuizRatingChange[],
  progression?: LineChartSpec,
): Reply {
  const standings = playerStandings(players);
  const podium = standings.slice(0, PODIUM_SIZE);
  const teams = quiz.settings.teams > 0 ? teamStandings(players) : [];
  const lines = podium.map((s) => `${MEDALS[s.rank - 1] ?? `${s.rank}.`} **${s.name}** ${points(s.score)}`);
  const blocks: Block[] = [
    { type: 'header', text: how === 'finished' ? 'Quiz over' : `Quiz stopped after round ${quiz.round}` },
    { type: 'text', text: lines.length > 0 ? lines.join('\n') : 'Nobody played.' },
  ];
  const winners = teams.filter((t) => t.rank === 1);
  if (teams.length > 0) {
    const verdict =
      winners.length === 1
        ? `**${winners[0]!.name} wins** with an average of ${points(winners[0]!.score)} points per player.`
        : `**Tie** between ${winners.map((t) => t.name).join(' and ')} at ${points(winners[0]!.score)} points per player.`;
    const teamRatings = quizTeamRatings(players)
      .map((t) => `${teams.find((x) => x.team === t.team)?.name ?? t.team} ${Math.round(t.rating)}`)
      .join(' · ');
    blocks.push({ type: 'text', text: verdict }, teamTableBlock(teams), {
      type: 'context',
      text: `Team ratings (mean of members): ${teamRatings}`,
    });
  }
  if (progression) {
    const leader = progression.series[0];
    const alt = `Score after each round for ${progression.series.map((line) => line.name).join(', ')}; ${
      leader ? `${leader.name} ends on ${points(leader.points.at(-1)?.[1] ?? 0)}` : ''
    }.`;
    blocks.push({ type: 'chart', chart: progression, alt });
  }
  const changes = ratings && podium.flatMap((s) => ratings.filter((r) => r.userId === s.userId));
  if (changes && changes.length > 0) {
    const signed = (d: number) => `${d >= 0 ? '+' : ''}${d}`;
    blocks.push({
      type: 'context',
      text: `Rating changes: ${changes
        .map(
          (r) =>
            `${r.name} ${Math.round(r.before)} → ${Math.round(r.after)} (${signed(Math.round(r.after) - Math.round(r.before))})`,
        )
        .join(' · ')}`,
    });
  }
  return {
    visibility: 'public',
    blocks,
    fallbackText: `${how === 'finished' ? 'Quiz over' : 'Quiz stopped'}. ${
      podium.map((s) => `${s.rank}. ${s.name} ${s.score}`).join(', ') || 'Nobody played.'
    }`,
    data: {
      quizId: quiz.id,
      how,
      podium: podium.map((s) => ({ rank: s.rank, player: s.name, userId: s.userId, score: s.score })),
      teams: teams.map((t) => ({ rank: t.rank, team: t.name, members: t.members, score: t.score })),
      ratingChanges:
        ratings?.map((r) => ({ userId: r.userId, player: r.name, before: r.before, after: r.after })) ?? null,
    },
  };
}
