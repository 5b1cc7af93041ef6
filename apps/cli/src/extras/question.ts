import { questionReply, questionRevealReply, replyToPlainText } from '@mlsys/core';
import {
  createRng,
  loadBuiltinCorpus,
  parseDifficulty,
  parseTopic,
  presentQuestion,
  QUESTION_KINDS,
  type QuestionKind,
  seedToInt,
} from '@mlsys/corpus';
import { closestNames, UserError } from '@mlsys/errors';
import { parseFlags } from './corpus-flags.js';
import type { CliExtra } from './index.js';

const USAGE =
  'mlsys question [--topic kv-cache] [--difficulty 3] [--kind numeric] [--seed 42] [--id ID] [--reveal] [--json]';

const FLAGS = {
  topic: 'string',
  difficulty: 'string',
  kind: 'string',
  seed: 'string',
  id: 'string',
  reveal: 'boolean',
  json: 'boolean',
} as const;

/**
 * `mlsys question`: draws a question from the compiled corpus (seeded; the seed is printed so the same
 * draw and choice order can be had again), or shows one by `--id`. `--reveal` adds the answer and
 * explanation; `--json` prints prompt, choices, answer and explanation as data.
 */
export const questionExtra: CliExtra = {
  path: ['question'],
  summary: 'Draw a question (--topic, --difficulty, --kind, --seed) or show one (--id); --reveal, --json',
  async run(args, out) {
    const flags = parseFlags(args, FLAGS, USAGE);
    const corpus = await loadBuiltinCorpus();
    const seed =
      flags.seed === undefined
        ? Date.now() % 2 ** 31
        : seedToInt(/^\d+$/.test(flags.seed) ? Number(flags.seed) : flags.seed);
    let presented: ReturnType<typeof corpus.draw>;
    if (flags.id !== undefined) {
      presented = presentQuestion(corpus.get(flags.id), createRng(seed));
    } else {
      const filter = {
        topic: flags.topic === undefined ? undefined : parseTopic(flags.topic),
        difficulty: flags.difficulty === undefined ? undefined : parseDifficulty(flags.difficulty),
        kind: flags.kind === undefined ? undefined : parseKind(flags.kind),
      };
      presented = corpus.draw({ ...filter, seed });
      if (presented === undefined) {
        throw new UserError('cli/no-question', 'No question matches those filters.', {
          example: 'mlsys question --topic kv-cache',
        });
      }
    }
    if (flags.json) {
      out.stdout.write(
        `${JSON.stringify({ seed, ...(questionReply(presented).data as object) }, null, 2)}\n`,
      );
      return 0;
    }
    const parts = [replyToPlainText(questionReply(presented))];
    if (flags.reveal) parts.push(replyToPlainText(questionRevealReply(presented)));
    else parts.push(`(answer: mlsys question --id ${presented.question.id} --seed ${seed} --reveal)`);
    out.stdout.write(`${parts.join('\n\n')}\n`);
    return 0;
  },
};

function parseKind(raw: string): QuestionKind {
  const kind = raw.trim().toLowerCase();
  if ((QUESTION_KINDS as readonly string[]).includes(kind)) return kind as QuestionKind;
  throw new UserError('cli/bad-kind', `"${raw}" is not a question kind.`, {
    suggestions: closestNames(kind, QUESTION_KINDS),
    example: 'mlsys question --kind numeric',
  });
}
