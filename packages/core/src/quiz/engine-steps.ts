import type { QuizQuestion } from '../ports/question-source.js';
import { shuffled } from '../ports/seeded-random.js';
import type { PlayerRecord, QuizChange, QuizRecord } from '../ports/store-quiz.js';
import { quizRatingChanges, rateQuizRound } from '../ratings/quiz-ratings.js';
import type { EngineContext } from './engine-context.js';
import { note } from './replies/answer-reply.js';
import { finalReply } from './replies/final-reply.js';
import { questionReply } from './replies/question-reply.js';
import { resultsReply } from './replies/results-reply.js';
import { scoreProgression } from './score-progression.js';
import { scoreRound } from './score-round.js';
import { balanceTeams } from './teams.js';

/** How many recently asked question ids of a channel a new quiz avoids. */
const RECENT_QUESTIONS = 200;

/**
 * Applies `change` to `quiz` if it is still at its version; returns the quiz as changed, or
 * `undefined` when another instance moved it first (then this instance does nothing more).
 */
async function commit(
  ctx: EngineContext,
  quiz: QuizRecord,
  change: QuizChange,
): Promise<QuizRecord | undefined> {
  const ok = await ctx.store.quiz.applyChange(quiz.id, quiz.version, change);
  return ok ? { ...quiz, ...change.quiz, version: quiz.version + 1 } : undefined;
}

/**
 * Moves a due quiz one step: expires a lobby, starts the rounds, closes a round (freezing its answers
 * first), scores it, or opens the next one. Safe to run on several instances at once: each step is
 * a compare-and-set on the quiz's version, and only the winner posts.
 *
 * @returns true when this call changed the quiz.
 */
export async function stepQuiz(ctx: EngineContext, quiz: QuizRecord, now: number): Promise<boolean> {
  switch (quiz.phase) {
    case 'lobby':
      return expireLobby(ctx, quiz, now);
    case 'starting':
      return startRounds(ctx, quiz, now);
    case 'question': {
      // Two commits: the first stops answers (they need phase `question`), the second scores what
      // was taken. An instance dying in between leaves `closing`, which the next tick finishes.
      const closing = await commit(ctx, quiz, { quiz: { phase: 'closing', phaseEndsAt: now } });
      if (!closing) return false;
      await finishRound(ctx, closing, now);
      return true;
    }
    case 'closing':
      return finishRound(ctx, quiz, now);
    case 'results':
      return openNextRound(ctx, quiz, now);
    default:
      return false;
  }
}

async function expireLobby(ctx: EngineContext, quiz: QuizRecord, now: number): Promise<boolean> {
  const ended = await commit(ctx, quiz, { quiz: { phase: 'expired', endedAt: now } });
  if (!ended) return false;
  const minutes = Math.round(quiz.settings.lobbyMs / 60_000);
  await ctx.post(
    ended,
    note(`The quiz lobby closed: nobody started it within ${minutes} min.`, {
      quizId: quiz.id,
      phase: 'expired',
    }),
  );
  return true;
}

/** Choices in a fresh random order (true/false keeps True first). */
function laidOut(question: QuizQuestion, ctx: EngineContext): QuizQuestion {
  if (question.kind !== 'single') return question;
  return { ...question, choices: shuffled(question.choices, ctx.random) };
}

/** From `starting` (joins frozen): draws the questions, sets teams, opens round 1. */
export async function startRounds(ctx: EngineContext, quiz: QuizRecord, now: number): Promise<boolean> {
  const players = (await ctx.store.quiz.listPlayers(quiz.id)).filter((p) => p.leftAt === null);
  const s = quiz.settings;
  const drawn =
    players.length === 0
      ? []
      : ctx.questions.draw({
          count: s.rounds,
          topics: s.topics,
          difficulty: s.difficulty,
          excludeIds: await ctx.store.quiz.recentQuestionIds(quiz.platform, quiz.channelId, RECENT_QUESTIONS),
          random: ctx.random,
        });
  if (drawn.length === 0) {
    const stopped = await commit(ctx, quiz, { quiz: { phase: 'stopped', endedAt: now } });
    if (stopped) {
      const why =
        players.length === 0
          ? 'nobody is in it'
          : `no questions match ${s.topics.length > 0 ? s.topics.join(', ') : 'any topic'} at difficulty ${s.difficulty.min}–${s.difficulty.max}`;
      await ctx.post(
        stopped,
        note(`The quiz could not start: ${why}.`, { quizId: quiz.id, phase: 'stopped' }),
      );
    }
    return stopped !== undefined;
  }
  const deadline = now + s.roundMs;
  const rounds = drawn.map((question, i) => ({
    round: i + 1,
    question: laidOut(question, ctx),
    openedAt: i === 0 ? now : null,
    deadline: i === 0 ? deadline : null,
    closedAt: null,
  }));
  const teams =
    s.teams > 0
      ? balanceTeams(players, Math.min(s.teams, players.length), s.teamPick === 'chosen' ? 'chosen' : 'none')
      : undefined;
  const started = await commit(ctx, quiz, {
    quiz: { phase: 'question', round: 1, phaseEndsAt: deadline, settings: { ...s, rounds: rounds.length } },
    newRounds: rounds,
    ...(teams ? { players: [...teams].map(([userId, team]) => ({ userId, team })) } : {}),
  });
  if (!started) return false;
  await ctx.post(started, questionReply(started, rounds[0]!));
  return true;
}

/** From `closing` (answers frozen): scores the round, then shows results (and the podium after the last). */
export async function finishRound(ctx: EngineContext, quiz: QuizRecord, now: number): Promise<boolean> {
  const [round, players, answers] = await Promise.all([
    ctx.store.quiz.getRound(quiz.id, quiz.round),
    ctx.store.quiz.listPlayers(quiz.id),
    ctx.store.quiz.listAnswers(quiz.id, quiz.round),
  ]);
  if (!round) {
    // A corrupt quiz: end it rather than fail on every tick.
    ctx.onError?.('quiz: round missing, quiz stopped', { quiz: quiz.id, round: quiz.round });
    return (await commit(ctx, quiz, { quiz: { phase: 'stopped', endedAt: now } })) !== undefined;
  }
  const outcome = scoreRound({
    question: round.question,
    round: quiz.round,
    openedAt: round.openedAt ?? now,
    settings: quiz.settings,
    players,
    answers,
  });
  const last = quiz.round >= quiz.settings.rounds;
  const done = await commit(ctx, quiz, {
    quiz: last
      ? { phase: 'finished', endedAt: now, phaseEndsAt: now }
      : { phase: 'results', phaseEndsAt: now + quiz.settings.gapMs },
    rounds: [{ round: quiz.round, closedAt: now }],
    players: outcome.players,
    answers: outcome.answers,
  });
  if (!done) return false;
  await rateQuizRound(ctx.store, done, round.question, outcome.results, round.openedAt ?? now, ctx.onError);
  const after = applyTotals(players, outcome.players);
  await ctx.post(
    done,
    resultsReply(done, quiz.round, round.question, outcome, after, last ? undefined : quiz.settings.gapMs),
  );
  if (last)
    await ctx.post(
      done,
      finalReply(
        done,
        after,
        'finished',
        await quizRatingChanges(ctx.store, done, after),
        await scoreProgression(ctx.store.quiz, done, after),
      ),
    );
  return true;
}

/** From `results`: opens the next round. */
async function openNextRound(ctx: EngineContext, quiz: QuizRecord, now: number): Promise<boolean> {
  const next = quiz.round + 1;
  const round = await ctx.store.quiz.getRound(quiz.id, next);
  if (!round) {
    // Fewer rounds stored than planned: end here rather than wait forever.
    return (await commit(ctx, quiz, { quiz: { phase: 'finished', endedAt: now } })) !== undefined;
  }
  const deadline = now + quiz.settings.roundMs;
  const opened = await commit(ctx, quiz, {
    quiz: { phase: 'question', round: next, phaseEndsAt: deadline },
    rounds: [{ round: next, openedAt: now, deadline }],
  });
  if (!opened) return false;
  await ctx.post(opened, questionReply(opened, { ...round, openedAt: now, deadline }));
  return true;
}

/** Players with their new totals merged in. */
export function applyTotals(players: readonly PlayerRecord[], totals: QuizChange['players']): PlayerRecord[] {
  const byId = new Map((totals ?? []).map((t) => [t.userId, t]));
  return players.map((p) => ({ ...p, ...byId.get(p.userId) }) as PlayerRecord);
}
