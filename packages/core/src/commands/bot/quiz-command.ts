import { UserError } from '@mlsys/errors';
import type { QuizView } from '../../quiz/engine.js';
import { QUIZ_LIMITS, type QuizSettings } from '../../quiz/quiz-settings.js';
import { lobbyReply } from '../../quiz/replies/lobby-reply.js';
import { roundOf } from '../../quiz/replies/quiz-text.js';
import { statusReply } from '../../quiz/replies/status-reply.js';
import { type CommandContext, defineCommand, defineCommandGroup } from '../define-command.js';
import { option } from '../option.js';
import { joinReply, leaveReply, startedReply, stoppedReply } from './quiz-acks.js';
import { quizEngineFor } from './quiz-engine-for.js';
import { parseDifficultyRange, parseIntIn, parseSwitch, parseTopics } from './quiz-parsers.js';

/** The settings that were given (options with defaults always are; the types cannot tell). */
function definedOnly(
  settings: { [K in keyof QuizSettings]?: QuizSettings[K] | undefined },
): Partial<QuizSettings> {
  return Object.fromEntries(
    Object.entries(settings).filter(([, v]) => v !== undefined),
  ) as Partial<QuizSettings>;
}

/** The engine, with due quizzes moved along first (a command may be the first sign of life after a restart). */
async function engineOf({ services }: CommandContext) {
  const engine = quizEngineFor(services);
  await engine.tick();
  return engine;
}

/** The channel's active quiz. @throws UserError when there is none. */
async function activeQuiz(context: CommandContext): Promise<QuizView> {
  const engine = await engineOf(context);
  const { platform, channel } = context.invocation;
  const view = await engine.active(platform, channel.id);
  if (!view)
    throw new UserError('quiz/none', 'There is no quiz in this channel.', {
      example: '/quiz start kv-cache',
    });
  return view;
}

/** Options of `/quiz start`. */
const startOptions = {
  topic: option({
    description: 'Topics, comma-separated (or any)',
    positional: true,
    default: 'any',
    complete: 'topic',
    example: 'kv-cache,moe',
    parse: parseTopics,
  }),
  rounds: option({
    description: `Rounds (${QUIZ_LIMITS.rounds.min}-${QUIZ_LIMITS.rounds.max})`,
    kind: 'integer',
    default: '5',
    parse: parseIntIn(QUIZ_LIMITS.rounds.min, QUIZ_LIMITS.rounds.max, 'rounds', 'rounds=5'),
  }),
  difficulty: option({
    description: 'Level 1-5, a name (easy, hard) or a range like 2-4',
    default: '1-5',
    example: '2-4',
    parse: parseDifficultyRange,
  }),
  seconds: option({
    description: `Seconds per round (${QUIZ_LIMITS.seconds.min}-${QUIZ_LIMITS.seconds.max})`,
    kind: 'integer',
    default: '20',
    parse: parseIntIn(QUIZ_LIMITS.seconds.min, QUIZ_LIMITS.seconds.max, 'seconds', 'seconds=20'),
  }),
  teams: option({
    description: 'Teams (2-4), or 0 for free-for-all',
    kind: 'integer',
    default: '0',
    parse: (raw) => {
      const n = parseIntIn(0, QUIZ_LIMITS.teams.max, 'teams', 'teams=2')(raw);
      if (n === 1)
        throw new UserError('quiz/bad-number', 'One team is no contest: use 0 or 2 to 4.', {
          example: 'teams=2',
        });
      return n;
    },
  }),
  pick: option({
    description: 'Teams balanced by rating (auto) or picked by players (chosen)',
    default: 'auto',
    choices: ['auto', 'chosen'],
    parse: (raw) => raw as 'auto' | 'chosen',
  }),
  speed: option({
    description: 'Faster right answers score more',
    kind: 'boolean',
    default: 'on',
    parse: parseSwitch,
  }),
  streak: option({
    description: 'Streak bonus (+100 per right answer in a row)',
    kind: 'boolean',
    default: 'on',
    parse: parseSwitch,
  }),
};

/** Options of `/quiz join`. */
const joinOptions = {
  team: option({
    description: 'Team number to join, when players pick teams',
    kind: 'integer',
    positional: true,
    parse: parseIntIn(1, QUIZ_LIMITS.teams.max, 'team', 'team=2'),
  }),
};

const start = defineCommand({
  name: 'start',
  description: 'Open a quiz lobby here, or start the rounds of your lobby',
  options: startOptions,
  examples: [
    'kv-cache,moe rounds=5',
    'any rounds=3 difficulty=2-4 teams=2',
    'attention seconds=30 streak=off',
  ],
  cost: 2,
  async run(input, context) {
    const engine = await engineOf(context);
    const { invocation } = context;
    const user = invocation.user;
    const active = await engine.active(invocation.platform, invocation.channel.id);
    if (active?.quiz.phase === 'lobby' && (active.quiz.hostId === user.id || user.isAdmin)) {
      return startedReply(await engine.begin(active.quiz.id, user));
    }
    if (active) {
      throw new UserError(
        'quiz/busy',
        active.quiz.phase === 'lobby'
          ? 'A quiz lobby is already open here: join it, or wait for its host to start it.'
          : `A quiz is already running here (${roundOf(active.quiz)}).`,
        { example: active.quiz.phase === 'lobby' ? '/quiz join' : '/quiz status' },
      );
    }
    const opened = await engine.open({
      platform: invocation.platform,
      channelId: invocation.channel.id,
      host: user,
      settings: definedOnly({
        topics: input.topic,
        rounds: input.rounds,
        difficulty: input.difficulty,
        roundMs: input.seconds === undefined ? undefined : input.seconds * 1000,
        teams: input.teams,
        teamPick: input.pick,
        speedScoring: input.speed,
        streakBonus: input.streak,
      }),
    });
    return lobbyReply(opened.quiz, opened.players);
  },
});

const join = defineCommand({
  name: 'join',
  description: 'Join the quiz lobby in this channel',
  options: joinOptions,
  examples: ['', '2'],
  cost: 1,
  async run(input, context) {
    const { quiz } = await activeQuiz(context);
    const engine = quizEngineFor(context.services);
    return joinReply(
      await engine.join(quiz.id, context.invocation.user, input.team),
      context.invocation.user.id,
    );
  },
});

const leave = defineCommand({
  name: 'leave',
  description: 'Leave the quiz in this channel',
  options: {},
  examples: [''],
  cost: 1,
  async run(_input, context) {
    const { quiz } = await activeQuiz(context);
    return leaveReply(await quizEngineFor(context.services).leave(quiz.id, context.invocation.user));
  },
});

const stop = defineCommand({
  name: 'stop',
  description: 'Stop the quiz in this channel (host or admin)',
  options: {},
  examples: [''],
  cost: 1,
  async run(_input, context) {
    const { quiz } = await activeQuiz(context);
    return stoppedReply(await quizEngineFor(context.services).stop(quiz.id, context.invocation.user));
  },
});

const status = defineCommand({
  name: 'status',
  description: 'Where the quiz in this channel stands',
  options: {},
  examples: [''],
  cost: 1,
  async run(_input, context) {
    const engine = await engineOf(context);
    const view = await engine.active(context.invocation.platform, context.invocation.channel.id);
    return statusReply(view?.quiz, view?.players ?? [], context.services.clock.now().getTime());
  },
});

/** `/quiz start|join|leave|stop|status`: quiz battles in a channel. */
export const quizCommand = defineCommandGroup({
  name: 'quiz',
  description: 'Quiz battles: timed rounds, speed points, teams, a podium',
  subcommands: [start, join, leave, stop, status],
});
