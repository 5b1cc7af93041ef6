import { createRng, presentQuestion } from '@mlsys/corpus';
import { UserError } from '@mlsys/errors';
import { randomInt } from '../../ports/seeded-random.js';
import { freshQuestion } from '../../questions/question-lookup.js';
import { questionReply } from '../../questions/question-reply.js';
import { openQuestionData } from '../../questions/question-secrecy.js';
import { note } from '../../quiz/replies/answer-reply.js';
import { defineCommand } from '../define-command.js';
import { option } from '../option.js';
import { corpusOf, storeOf } from './bot-services.js';

/** `/review on|off|next|status`: opt-in spaced repetition of missed questions (FSRS). */
export const reviewCommand = defineCommand({
  name: 'review',
  description: 'Spaced repetition of questions you missed (FSRS): on, off, next, status',
  options: {
    action: option({
      description: 'on (start), off (stop), next (a due question) or status',
      positional: true,
      default: 'next',
      choices: ['on', 'off', 'next', 'status'],
      parse: (raw) => {
        const action = raw.toLowerCase();
        if (action === 'on' || action === 'off' || action === 'next' || action === 'status') return action;
        throw new UserError('review/bad-action', `"${raw}" is not on, off, next or status.`, {
          example: '/review on',
        });
      },
    }),
  },
  examples: ['on', 'next', 'status', 'off'],
  cost: 1,
  async run(input, { invocation, services }) {
    const store = storeOf(services);
    const { platform } = invocation;
    const userId = invocation.user.id;
    const now = services.clock.now().getTime();
    if (input.action === 'on' || input.action === 'off') {
      await store.review.setOptIn(platform, userId, input.action === 'on', now);
      return note(
        input.action === 'on'
          ? 'Review is on: questions you miss (in the daily, quizzes and `/question`) come back when FSRS says you are about to forget them. `/review next` serves what is due.'
          : 'Review is off: nothing new goes into your deck. Your cards are kept; `/review on` brings them back.',
        { reviewing: input.action === 'on' },
      );
    }
    const on = await store.review.isOptedIn(platform, userId);
    const counts = await store.review.counts(platform, userId, now);
    if (input.action === 'status' || !on) {
      const text = on
        ? `Review is on: ${counts.due} of ${counts.cards} cards due now.`
        : `Review is off${counts.cards > 0 ? ` (${counts.cards} cards kept)` : ''}. Turn it on with \`/review on\`.`;
      return note(text, { reviewing: on, ...counts });
    }
    const corpus = await corpusOf(services);
    for (const card of await store.review.dueCards(platform, userId, now, 20)) {
      const seed = randomInt(services.random, 2 ** 31);
      const question = freshQuestion(corpus, card.questionKey, seed);
      if (!question) continue;
      const reply = questionReply(presentQuestion(question, createRng(seed)), {
        title: 'Review',
        visibility: 'ephemeral',
      });
      reply.blocks.push({
        type: 'context',
        text: `${counts.due} due now · your answer reschedules this card.`,
      });
      return {
        ...reply,
        data: { ...openQuestionData(reply.data), questionKey: card.questionKey, due: card.due },
      };
    }
    return note(
      counts.cards === 0
        ? 'Your review deck is empty: questions you miss go in it.'
        : `Nothing is due: ${counts.cards} cards are waiting for their time.`,
      { reviewing: on, ...counts },
    );
  },
});
