import type { QuizQuestion } from '../../ports/question-source.js';
import type { PlayerRecord, QuizRecord } from '../../ports/store-quiz.js';
import type { Block, Reply } from '../../reply/reply.js';
import type { RoundOutcome } from '../score-round.js';
import { playerStandings, teamStandings } from '../standings.js';
import { teamName } from '../teams.js';
import { letter, roundOf, scoreboardBlock, seconds, teamTableBlock } from './quiz-text.js';

/** The right answer as shown after the round, e.g. `B. 8` or `128 KiB`. */
export function answerText(question: QuizQuestion): string {
  if (question.kind === 'numeric') {
    const a = question.answer;
    return `${a.value.toLocaleString('en-US')} ${a.unit}`;
  }
  const index = question.choices.findIndex((c) => c.correct);
  return `${letter(index)}. ${question.choices[index]?.text ?? '?'}`;
}

function toleranceText(question: QuizQuestion): string | undefined {
  if (question.kind !== 'numeric') return undefined;
  const { tolerance, partialTolerance } = question.answer;
  const pct = (x: number) => `±${+(x * 100).toFixed(2)} %`;
  const full = tolerance === 0 ? 'exact answers only' : `full points within ${pct(tolerance)}`;
  return partialTolerance === undefined ? full : `${full}, half within ${pct(partialTolerance)}`;
}

/**
 * After a round: the answer, the explanation and its source, the fastest right answer, how many
 * answered, and the scoreboard (with team averages in team mode).
 *
 * @param players Players with their totals after this round.
 */
export function resultsReply(
  quiz: QuizRecord,
  round: number,
  question: QuizQuestion,
  outcome: RoundOutcome,
  players: readonly PlayerRecord[],
  nextInMs: number | undefined,
): Reply {
  const standings = playerStandings(players);
  const teams = quiz.settings.teams > 0 ? teamStandings(players) : [];
  const tolerance = toleranceText(question);
  const fastest = outcome.fastest;
  const tally = `${outcome.answered} of ${players.filter((p) => p.leftAt === null).length} answered · ${outcome.correct} right`;
  const blocks: Block[] = [
    { type: 'header', text: `${roundOf(quiz, round)}: the answer` },
    { type: 'text', text: `✅ **${answerText(question)}**${tolerance ? ` (${tolerance})` : ''}` },
    { type: 'text', text: question.explanation },
    { type: 'context', text: `Source: ${question.source}` },
    {
      type: 'text',
      text: fastest
        ? `⚡ Fastest: **${fastest.name}** in ${seconds(fastest.elapsedMs!)} (+${fastest.points} points) · ${tally}`
        : `Nobody got it right this time · ${tally}`,
    },
    scoreboardBlock(standings, quiz.settings.teams > 0, teamName),
  ];
  if (teams.length > 0) blocks.push(teamTableBlock(teams));
  if (nextInMs !== undefined && nextInMs > 0)
    blocks.push({ type: 'context', text: `Next round in ${seconds(nextInMs).replace('.0', '')}.` });
  return {
    visibility: 'public',
    blocks,
    fallbackText: `${roundOf(quiz, round)}: the answer was ${answerText(question)}. ${
      fastest ? `Fastest: ${fastest.name} (${seconds(fastest.elapsedMs!)}).` : 'Nobody got it right.'
    } Leader: ${standings[0]?.name ?? 'nobody'} (${standings[0]?.score ?? 0}).`,
    data: {
      quizId: quiz.id,
      round,
      answer: answerText(question),
      fastest: fastest ? { userId: fastest.userId, name: fastest.name, elapsedMs: fastest.elapsedMs } : null,
      answered: outcome.answered,
      correct: outcome.correct,
      roundPoints: outcome.results.map((r) => ({ userId: r.userId, credit: r.credit, points: r.points })),
      standings,
      teams,
    },
  };
}
