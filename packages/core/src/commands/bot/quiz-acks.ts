import type { QuizView } from '../../quiz/engine.js';
import { note } from '../../quiz/replies/answer-reply.js';
import { teamName } from '../../quiz/teams.js';
import type { Reply } from '../../reply/reply.js';

/** The reply to a join: public when someone new is in, ephemeral otherwise. */
export function joinReply(
  { result, quiz, players }: QuizView & { result: 'joined' | 'already-joined' | 'not-open' },
  userId: string,
): Reply {
  const count = players.filter((p) => p.leftAt === null).length;
  if (result === 'not-open') {
    return note('The quiz has already started; players join in the lobby. Catch the next one!', { result });
  }
  if (result === 'already-joined')
    return note(`You are already in (${count} players).`, { result, quizId: quiz.id });
  const joined = players.find((p) => p.userId === userId);
  const team = joined?.team ? ` for ${teamName(joined.team)}` : '';
  const text = `**${joined?.name ?? 'Someone'}** joined${team}: ${count} player${count === 1 ? '' : 's'} in the lobby.`;
  return { ...note(text, { result, quizId: quiz.id, players: count }), visibility: 'public' };
}

/** The reply to a leave. */
export function leaveReply(result: 'removed' | 'left' | 'not-player'): Reply {
  const text = {
    removed: 'You left the lobby.',
    left: 'You left the quiz; your points stay on the board.',
    'not-player': 'You are not in this quiz.',
  }[result];
  return note(text, { result });
}

/** The host's acknowledgement that the rounds started (round 1 is posted to the channel). */
export function startedReply({ quiz, players }: QuizView): Reply {
  if (quiz.phase !== 'question')
    return note('The quiz could not start; see the channel for why.', { phase: quiz.phase });
  const count = players.filter((p) => p.leftAt === null).length;
  return note(
    `Started with ${count} player${count === 1 ? '' : 's'}: round 1 of ${quiz.settings.rounds} is up.`,
    {
      quizId: quiz.id,
      phase: quiz.phase,
    },
  );
}

/** The acknowledgement of a stop (the standings go to the channel). */
export function stoppedReply({ quiz }: QuizView): Reply {
  return note(`Quiz stopped${quiz.round > 0 ? ` after round ${quiz.round}` : ''}.`, {
    quizId: quiz.id,
    phase: quiz.phase,
  });
}
