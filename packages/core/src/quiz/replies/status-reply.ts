import type { PlayerRecord, QuizRecord } from '../../ports/store-quiz.js';
import type { Reply } from '../../reply/reply.js';
import { playerStandings } from '../standings.js';
import { describeSettings, points, roundOf, seconds } from './quiz-text.js';

/** Where the channel's quiz stands (ephemeral), or that there is none. */
export function statusReply(
  quiz: QuizRecord | undefined,
  players: readonly PlayerRecord[],
  now: number,
): Reply {
  if (!quiz) {
    const text = 'No quiz in this channel. Open one with `/quiz start`.';
    return {
      visibility: 'ephemeral',
      blocks: [{ type: 'text', text }],
      fallbackText: text,
      data: { quiz: null },
    };
  }
  const active = players.filter((p) => p.leftAt === null);
  const left = Math.max(0, quiz.phaseEndsAt - now);
  const where: Record<string, string> = {
    lobby: `Lobby open with ${active.length} player${active.length === 1 ? '' : 's'}; closes in ${seconds(left)} unless the host starts it.`,
    starting: 'Starting…',
    question: `${roundOf(quiz)} is open: ${seconds(left)} left.`,
    closing: `${roundOf(quiz)} is being scored.`,
    results: `${roundOf(quiz)} is done; the next round opens in ${seconds(left)}.`,
  };
  const leaders = playerStandings(players)
    .slice(0, 3)
    .map((s) => `${s.rank}. ${s.name} ${points(s.score)}`)
    .join(' · ');
  const text = where[quiz.phase] ?? `The quiz ${quiz.phase}.`;
  return {
    visibility: 'ephemeral',
    blocks: [
      { type: 'text', text },
      { type: 'context', text: describeSettings(quiz) },
      ...(quiz.round > 0 && leaders !== '' ? [{ type: 'text' as const, text: `Leaders: ${leaders}` }] : []),
    ],
    fallbackText: text,
    data: { quizId: quiz.id, phase: quiz.phase, round: quiz.round, players: active.length, msLeft: left },
  };
}
