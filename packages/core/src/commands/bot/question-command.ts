import { type Corpus, createRng, presentQuestion, type Question } from '@mlsys/corpus';
import { UserError } from '@mlsys/errors';
import type { Platform } from '../../commands/invocation.js';
import { poolKeys } from '../../daily/pick-question.js';
import { randomInt, shuffled } from '../../ports/seeded-random.js';
import type { Services } from '../../ports/services.js';
import { freshQuestion, questionKeyOf } from '../../questions/question-lookup.js';
import { questionReply } from '../../questions/question-reply.js';
import { openQuestionData } from '../../questions/question-secrecy.js';
import {
  closestToTarget,
  parseRelativeDifficulty,
  type RelativeDifficulty,
  targetRating,
} from '../../ratings/difficulty-picker.js';
import { NEW_RATING } from '../../ratings/lichess-rating.js';
import { questionPrior } from '../../ratings/question-prior.js';
import { defineCommand } from '../define-command.js';
import { option } from '../option.js';
import { corpusOf } from './bot-services.js';
import { parseDifficultyRange, parseTopics } from './quiz-parsers.js';

/** Ids of questions a user attempted that a draw leaves out. */
const SEEN_LOOKBACK = 5_000;
/** A draw picks among this many questions closest to the target rating. */
const CLOSEST = 5;

/**
 * Draws a question for a user: matching topic and difficulty, not attempted before (parametric
 * families always come back with fresh numbers), and, with a rating store and a `level`, among those
 * whose rating is closest to the user's topic rating shifted as Lichess's difficulty picker does.
 */
export async function drawForUser(
  services: Services,
  corpus: Corpus,
  user: { platform: Platform; userId: string },
  filter: { topics: string[]; difficulty: { min: number; max: number }; level: RelativeDifficulty },
): Promise<Question | undefined> {
  const store = services.store;
  const seen = new Set(
    store ? await store.ratings.attemptedIds(user.platform, user.userId, SEEN_LOOKBACK) : [],
  );
  const keys = shuffled(
    poolKeys(corpus, filter).filter((k) => !seen.has(k)),
    services.random,
  );
  if (keys.length === 0) return undefined;
  let ordered = keys;
  if (store) {
    const topic = filter.topics.length === 1 ? filter.topics[0]! : null;
    const [player] = await store.ratings.get([
      { kind: 'player', platform: user.platform, userId: user.userId, topic },
    ]);
    const target = targetRating((player ?? NEW_RATING).rating, filter.level);
    const sample = keys.slice(0, 200);
    const rated = await store.ratings.get(
      sample.map((questionKey) => ({ kind: 'question' as const, questionKey })),
    );
    const ratingOf = new Map(
      sample.map((k, i) => [k, rated[i]?.rating ?? questionPrior(corpus.find(k)?.difficulty ?? 3).rating]),
    );
    ordered = closestToTarget(sample, (k) => ratingOf.get(k)!, target).slice(0, CLOSEST);
  }
  for (const key of shuffled(ordered, services.random)) {
    const question = freshQuestion(corpus, key, randomInt(services.random, 2 ** 31));
    if (
      question &&
      question.difficulty >= filter.difficulty.min &&
      question.difficulty <= filter.difficulty.max
    ) {
      return question;
    }
  }
  return undefined;
}

/** `/question`: one question to answer with buttons, revealed to the asker on answering. */
export const questionCommand = defineCommand({
  name: 'question',
  description: 'A question to answer now: by topic, level or relative to your rating',
  options: {
    topic: option({
      description: 'Topics, comma-separated (or any)',
      positional: true,
      default: 'any',
      complete: 'topic',
      example: 'kv-cache',
      parse: parseTopics,
    }),
    difficulty: option({
      description: 'Level 1-5, a name (easy, hard) or a range like 2-4',
      default: '1-5',
      example: '3',
      parse: parseDifficultyRange,
    }),
    level: option({
      description: 'Relative to your rating: easiest, easier, normal, harder, hardest',
      default: 'normal',
      choices: ['easiest', 'easier', 'normal', 'harder', 'hardest'],
      parse: parseRelativeDifficulty,
    }),
  },
  examples: ['kv-cache', 'moe difficulty=3', 'any level=harder'],
  cost: 1,
  async run(input, { invocation, services }) {
    const corpus = await corpusOf(services);
    const question = await drawForUser(
      services,
      corpus,
      { platform: invocation.platform, userId: invocation.user.id },
      { topics: input.topic, difficulty: input.difficulty, level: input.level },
    );
    if (!question) {
      throw new UserError(
        'question/none-left',
        'No question you have not answered matches that: try another topic or level.',
        {
          example: '/question any',
        },
      );
    }
    const presented = presentQuestion(question, createRng(randomInt(services.random, 2 ** 31)));
    const reply = questionReply(presented, { visibility: 'ephemeral' });
    reply.blocks.push({
      type: 'context',
      text: `Your first answer to a question counts for your rating (${question.topic}); the answer is shown once you answer.`,
    });
    return { ...reply, data: { ...openQuestionData(reply.data), questionKey: questionKeyOf(question.id) } };
  },
});
