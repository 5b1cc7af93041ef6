import { UserError } from '@mlsys/errors';
import type { Caller, Platform } from '../commands/invocation.js';
import type { PlayerRecord, QuizRecord, SubmitResult } from '../ports/store-quiz.js';
import { DEFAULT_RATING } from '../ports/store-users.js';
import { quizRatingChanges } from '../ratings/quiz-ratings.js';
import { type QuizEngineOptions, toEngineContext } from './engine-context.js';
import { startRounds, stepQuiz } from './engine-steps.js';
import { DEFAULT_QUIZ_SETTINGS, QUIZ_LIMITS, type QuizSettings } from './quiz-settings.js';
import { note } from './replies/answer-reply.js';
import { finalReply } from './replies/final-reply.js';
import { scoreProgression } from './score-progression.js';
import { playerStandings, type Standing, type TeamStanding, teamStandings } from './standings.js';

/** Who does something in a quiz. */
export type QuizUser = Pick<Caller, 'id' | 'name'> & Partial<Pick<Caller, 'isAdmin'>>;

/** A quiz and its players, as most engine calls return. */
export interface QuizView {
  quiz: QuizRecord;
  players: PlayerRecord[];
}

/**
 * The quiz engine. It keeps no state of its own: every call reads and writes the store, so a
 * restarted or different instance picks up where another left off, and `tick` (run every second or
 * so by whoever hosts the bot) moves timed phases along.
 */
export interface QuizEngine {
  /** Opens a lobby in a channel, with the host as first player; or returns the channel's active quiz. */
  open(request: {
    platform: Platform;
    channelId: string;
    host: QuizUser;
    settings?: Partial<QuizSettings>;
  }): Promise<({ opened: true } | { opened: false }) & QuizView>;
  /** The channel's active quiz. */
  active(platform: Platform, channelId: string): Promise<QuizView | undefined>;
  /** Adds a player to a lobby; `team` counts when players pick teams. */
  join(
    quizId: string,
    user: QuizUser,
    team?: number,
  ): Promise<{ result: 'joined' | 'already-joined' | 'not-open' } & QuizView>;
  leave(quizId: string, user: QuizUser): Promise<'removed' | 'left' | 'not-player'>;
  /**
   * Starts the rounds of a lobby (host or admin only) and posts round 1.
   *
   * @throws UserError when the caller may not, or the quiz is not in its lobby.
   */
  begin(quizId: string, by: QuizUser): Promise<QuizView>;
  /**
   * Stops an active quiz (host or admin only) and posts the standings so far; an open round is not scored.
   *
   * @throws UserError when the caller may not, or the quiz already ended.
   */
  stop(quizId: string, by: QuizUser): Promise<QuizView>;
  /** Records an answer at the clock's now; may close the round early once everyone answered. */
  answer(input: { quizId: string; round: number; userId: string; answer: string }): Promise<SubmitResult>;
  /** Standings of a quiz: players and team averages. */
  standings(quizId: string): Promise<{ quiz: QuizRecord; players: Standing[]; teams: TeamStanding[] }>;
  /** Moves every due quiz along (expiry, start, close, next round); returns how many steps it took. */
  tick(now?: number): Promise<number>;
}

/** Quizzes looked at per tick pass; a busy bot runs more passes. */
const DUE_BATCH = 50;

/**
 * Creates a quiz engine over a store.
 *
 * @example
 * const engine = createQuizEngine({ store, questions, messenger, clock: systemClock, random: systemRandom });
 * setInterval(() => void engine.tick(), 1000);
 */
export function createQuizEngine(options: QuizEngineOptions): QuizEngine {
  const ctx = toEngineContext(options);
  const { store, clock } = ctx;
  const newId = options.newId ?? (() => crypto.randomUUID().replaceAll('-', '').slice(0, 12));
  const now = () => clock.now().getTime();

  // `closeWhenAllAnswered` never changes after a quiz opens: remembering it saves a read per answer.
  const closeEarly = new Map<string, boolean>();
  async function closesEarly(quizId: string): Promise<boolean> {
    let known = closeEarly.get(quizId);
    if (known === undefined) {
      known = (await store.quiz.getQuiz(quizId))?.settings.closeWhenAllAnswered ?? false;
      if (closeEarly.size > 10_000) closeEarly.clear();
      closeEarly.set(quizId, known);
    }
    return known;
  }

  async function view(quiz: QuizRecord): Promise<QuizView> {
    return { quiz, players: await store.quiz.listPlayers(quiz.id) };
  }

  async function mustGet(quizId: string): Promise<QuizRecord> {
    const quiz = await store.quiz.getQuiz(quizId);
    if (!quiz)
      throw new UserError('quiz/not-found', 'That quiz does not exist (any more).', {
        example: '/quiz start',
      });
    return quiz;
  }

  function assertHost(quiz: QuizRecord, by: QuizUser, action: string): void {
    if (by.id !== quiz.hostId && by.isAdmin !== true) {
      throw new UserError('quiz/not-host', `Only the quiz's host or a channel admin can ${action} it.`);
    }
  }

  async function addPlayer(quiz: QuizRecord, user: QuizUser, team: number | undefined) {
    const ratings = await store.users.ratingsOf(quiz.platform, [user.id]);
    await store.users.upsertUser({ platform: quiz.platform, userId: user.id, name: user.name });
    const chosen =
      quiz.settings.teams > 0 &&
      quiz.settings.teamPick === 'chosen' &&
      team !== undefined &&
      team >= 1 &&
      team <= quiz.settings.teams
        ? team
        : null;
    return store.quiz.addPlayer(quiz.id, {
      userId: user.id,
      name: user.name,
      team: chosen,
      rating: ratings.get(user.id) ?? DEFAULT_RATING,
      joinedAt: now(),
    });
  }

  return {
    async open({ platform, channelId, host, settings }) {
      const at = now();
      const full = validSettings({ ...DEFAULT_QUIZ_SETTINGS, ...settings });
      const created = await store.quiz.createQuiz({
        id: newId(),
        platform,
        channelId,
        hostId: host.id,
        settings: full,
        createdAt: at,
        phaseEndsAt: at + full.lobbyMs,
      });
      if (!created.created) return { opened: false, ...(await view(created.active)) };
      await addPlayer(created.quiz, host, undefined);
      return { opened: true, ...(await view(created.quiz)) };
    },

    async active(platform, channelId) {
      const quiz = await store.quiz.activeQuiz(platform, channelId);
      return quiz && view(quiz);
    },

    async join(quizId, user, team) {
      const quiz = await mustGet(quizId);
      const result = quiz.phase === 'lobby' ? await addPlayer(quiz, user, team) : 'not-open';
      return { result, ...(await view(quiz)) };
    },

    async leave(quizId, user) {
      return store.quiz.removePlayer(quizId, user.id, now());
    },

    async begin(quizId, by) {
      const quiz = await mustGet(quizId);
      if (quiz.phase !== 'lobby') {
        throw new UserError(
          'quiz/already-started',
          quiz.endedAt === null ? 'The quiz has already started.' : 'That quiz has ended.',
          {
            example: '/quiz status',
          },
        );
      }
      assertHost(quiz, by, 'start');
      const at = now();
      // Freeze joins first; then draw questions and teams from the frozen player list.
      const ok = await store.quiz.applyChange(quiz.id, quiz.version, {
        quiz: { phase: 'starting', phaseEndsAt: at },
      });
      if (ok)
        await startRounds(
          ctx,
          { ...quiz, phase: 'starting', phaseEndsAt: at, version: quiz.version + 1 },
          at,
        );
      return view(await mustGet(quizId));
    },

    async stop(quizId, by) {
      const quiz = await mustGet(quizId);
      if (quiz.endedAt !== null) throw new UserError('quiz/ended', 'That quiz has already ended.');
      assertHost(quiz, by, 'stop');
      const at = now();
      const ok = await store.quiz.applyChange(quiz.id, quiz.version, {
        quiz: { phase: 'stopped', endedAt: at },
      });
      if (!ok)
        throw new UserError('quiz/busy', 'The quiz changed just now; try again.', { example: '/quiz stop' });
      const stopped: QuizRecord = { ...quiz, phase: 'stopped', endedAt: at, version: quiz.version + 1 };
      const players = await store.quiz.listPlayers(quiz.id);
      if (quiz.phase === 'lobby' || quiz.phase === 'starting') {
        await ctx.post(
          stopped,
          note(`The quiz was cancelled by ${by.name}.`, { quizId: quiz.id, phase: 'stopped' }),
        );
      } else {
        await ctx.post(
          stopped,
          finalReply(
            stopped,
            players,
            'stopped',
            await quizRatingChanges(store, stopped, players),
            await scoreProgression(store.quiz, stopped, players),
          ),
        );
      }
      return { quiz: stopped, players };
    },

    async answer({ quizId, round, userId, answer }) {
      const result = await store.quiz.submitAnswer({ quizId, round, userId, answer, at: now() });
      if (result.accepted && (await closesEarly(quizId))) {
        const progress = await store.quiz.roundProgress(quizId, round);
        if (progress.answered >= progress.players) {
          const quiz = await store.quiz.getQuiz(quizId);
          if (quiz?.phase === 'question' && quiz.round === round) await stepQuiz(ctx, quiz, now());
        }
      }
      return result;
    },

    async standings(quizId) {
      const quiz = await mustGet(quizId);
      const players = await store.quiz.listPlayers(quizId);
      return { quiz, players: playerStandings(players), teams: teamStandings(players) };
    },

    async tick(at = now()) {
      let steps = 0;
      for (let pass = 0; pass < 10; pass++) {
        const due = await store.quiz.dueQuizzes(at, DUE_BATCH);
        let moved = 0;
        for (const quiz of due) {
          try {
            if (await stepQuiz(ctx, quiz, at)) moved++;
          } catch (error) {
            ctx.onError?.('quiz: step failed', {
              quiz: quiz.id,
              phase: quiz.phase,
              round: quiz.round,
              error,
            });
          }
        }
        steps += moved;
        if (moved === 0) break;
      }
      return steps;
    },
  };
}

/**
 * Checks settings against {@link QUIZ_LIMITS}.
 *
 * @throws UserError `quiz/bad-settings` naming the first bad value.
 */
function validSettings(s: QuizSettings): QuizSettings {
  const bad = (what: string, example: string) => new UserError('quiz/bad-settings', what, { example });
  const { rounds, seconds, teams } = QUIZ_LIMITS;
  if (!Number.isInteger(s.rounds) || s.rounds < rounds.min || s.rounds > rounds.max) {
    throw bad(`Rounds must be ${rounds.min} to ${rounds.max}.`, '/quiz start rounds=5');
  }
  if (!(s.roundMs >= seconds.min * 1000 && s.roundMs <= seconds.max * 1000)) {
    throw bad(`A round lasts ${seconds.min} to ${seconds.max} seconds.`, '/quiz start seconds=20');
  }
  if (s.teams !== 0 && !(Number.isInteger(s.teams) && s.teams >= teams.min && s.teams <= teams.max)) {
    throw bad(`Teams must be ${teams.min} to ${teams.max} (or 0 for free-for-all).`, '/quiz start teams=2');
  }
  if (s.difficulty.min > s.difficulty.max)
    throw bad('The difficulty range is empty.', '/quiz start difficulty=2-4');
  return s;
}
