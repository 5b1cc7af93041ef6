import type { PlayerRecord, QuizRecord } from '../../ports/store-quiz.js';
import type { Block, Reply } from '../../reply/reply.js';
import { playerStandings, teamStandings } from '../standings.js';
import { points, teamTableBlock } from './quiz-text.js';

/** Places on the podium (users asked for more than Kahoot's 3: shared/reference/quiz-and-platforms.md). */
export const PODIUM_SIZE = 5;

const MEDALS = ['🥇', '🥈', '🥉'];

/**
 * The end of a quiz: a podium of up to five, the team result, and a placeholder for rating changes
 * (ratings are not tracked yet).
 */
export function finalReply(
  quiz: QuizRecord,
  players: readonly PlayerRecord[],
  how: 'finished' | 'stopped',
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
    blocks.push({ type: 'text', text: verdict }, teamTableBlock(teams));
  }
  blocks.push({ type: 'context', text: 'Rating changes: not tracked yet (ratings are coming).' });
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
      ratingChanges: null,
    },
  };
}
