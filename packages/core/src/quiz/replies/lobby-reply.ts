import type { PlayerRecord, QuizRecord } from '../../ports/store-quiz.js';
import type { Action, Block, Reply } from '../../reply/reply.js';
import { QUIZ_ACTIONS, toActionValue } from '../action-values.js';
import { teamName } from '../teams.js';
import { describeSettings } from './quiz-text.js';

/** The lobby: settings, who joined, and Join / Leave / Start buttons (Join per team when teams are picked). */
export function lobbyReply(quiz: QuizRecord, players: readonly PlayerRecord[]): Reply {
  const active = players.filter((p) => p.leftAt === null);
  const host = active.find((p) => p.userId === quiz.hostId)?.name ?? 'the host';
  const pickTeams = quiz.settings.teams > 0 && quiz.settings.teamPick === 'chosen';
  const names = active.map((p) =>
    pickTeams && p.team !== null ? `${p.name} (${teamName(p.team)})` : p.name,
  );
  const joins: Action[] = pickTeams
    ? Array.from({ length: quiz.settings.teams }, (_, i) => ({
        type: 'button' as const,
        id: QUIZ_ACTIONS.join,
        label: `Join ${teamName(i + 1)}`,
        value: toActionValue(quiz.id, i + 1),
      }))
    : [{ type: 'button', id: QUIZ_ACTIONS.join, label: 'Join', value: quiz.id, style: 'primary' }];
  const blocks: Block[] = [
    { type: 'header', text: 'Quiz lobby' },
    { type: 'text', text: describeSettings(quiz) },
    {
      type: 'text',
      text: `**Players (${active.length}):** ${names.length > 0 ? names.join(', ') : 'nobody yet'}`,
    },
    {
      type: 'actions',
      actions: [
        ...joins,
        { type: 'button', id: QUIZ_ACTIONS.leave, label: 'Leave', value: quiz.id },
        { type: 'button', id: QUIZ_ACTIONS.begin, label: 'Start (host)', value: quiz.id, style: 'primary' },
      ],
    },
    {
      type: 'context',
      text: `Host: ${host}. Join with \`/quiz join\`; the host starts with \`/quiz start\`. An unstarted lobby closes after ${Math.round(quiz.settings.lobbyMs / 60_000)} min.`,
    },
  ];
  return {
    visibility: 'public',
    blocks,
    fallbackText: `Quiz lobby: ${describeSettings(quiz)}. Players: ${names.join(', ') || 'nobody yet'}. Join with /quiz join.`,
    data: {
      quizId: quiz.id,
      phase: quiz.phase,
      players: active.map((p) => ({ userId: p.userId, name: p.name, team: p.team })),
      settings: quiz.settings,
    },
  };
}
