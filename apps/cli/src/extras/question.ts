import { questionReply, questionRevealReply, replyToPlainText } from '@mlsys/core';
import {
  createRng,
  generateParametricQuestion,
  loadBuiltinCorpus,
  type PresentedQuestion,
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
  'mlsys question [--topic kv-cache] [--difficulty 3] [--kind numeric] [--seed 42] [--id ID] [--parametric] [--generator kv-cache-size] [--reveal] [--json]';

const FLAGS = {
  topic: 'string',
  difficulty: 'string',
  kind: 'string',
  seed: 'string',
  id: 'string',
  reveal: 'boolean',
  json: 'boolean',
  parametric: 'boolean',
  generator: 'string',
} as const;

/**
 * `mlsys question`: draws a question from the compiled corpus (seeded; the seed is printed so the same
 * draw and choice order can be had again), shows one by `--id`, or computes a fresh one with
 * `--parametric` / `--generator NAME`. `--reveal` adds the answer and explanation; `--json` prints
 * prompt, choices, answer and explanation as data.
 */
export const questionExtra: CliExtra = {
  path: ['question'],
  summary:
    'Draw a question (--topic, --difficulty, --kind, --seed), show one (--id) or compute one (--parametric); --reveal, --json',
  async run(args, out) {
    const flags = parseFlags(args, FLAGS, USAGE);
    const seed =
      flags.seed === undefined
        ? Date.now() % 2 ** 31
        : seedToInt(/^\d+$/.test(flags.seed) ? Number(flags.seed) : flags.seed);
    const presented = await choose(flags, seed);
    if (flags.json) {
      out.stdout.write(
        `${JSON.stringify({ seed, ...(questionReply(presented).data as object) }, null, 2)}\n`,
      );
      return 0;
    }
    const parts = [replyToPlainText(questionReply(presented))];
    if (flags.reveal) parts.push(replyToPlainText(questionRevealReply(presented)));
    else parts.push(`(answer: ${revealCommand(presented.question.id, seed, flags)})`);
    out.stdout.write(`${parts.join('\n\n')}\n`);
    return 0;
  },
};

type ParsedFlags = ReturnType<typeof parseFlags<typeof FLAGS>>;

async function choose(flags: ParsedFlags, seed: number): Promise<PresentedQuestion> {
  const topic = flags.topic === undefined ? undefined : parseTopic(flags.topic);
  if (flags.parametric || flags.generator !== undefined) {
    const question = generateParametricQuestion({ generator: flags.generator, topic, seed });
    return presentQuestion(question, createRng(seed));
  }
  const corpus = await loadBuiltinCorpus();
  if (flags.id !== undefined) return presentQuestion(corpus.get(flags.id), createRng(seed));
  const presented = corpus.draw({
    topic,
    difficulty: flags.difficulty === undefined ? undefined : parseDifficulty(flags.difficulty),
    kind: flags.kind === undefined ? undefined : parseKind(flags.kind),
    seed,
  });
  if (presented === undefined) {
    throw new UserError('cli/no-question', 'No question matches those filters.', {
      example: 'mlsys question --topic kv-cache',
    });
  }
  return presented;
}

function revealCommand(
  id: string,
  seed: number,
  flags: { parametric?: boolean; generator?: string },
): string {
  if (!flags.parametric && flags.generator === undefined)
    return `mlsys question --id ${id} --seed ${seed} --reveal`;
  const generator = id.replace(/^.*-parametric-/, '').replace(/-\d+$/, '');
  return `mlsys question --generator ${generator} --seed ${seed} --reveal`;
}

function parseKind(raw: string): QuestionKind {
  const kind = raw.trim().toLowerCase();
  if ((QUESTION_KINDS as readonly string[]).includes(kind)) return kind as QuestionKind;
  throw new UserError('cli/bad-kind', `"${raw}" is not a question kind.`, {
    suggestions: closestNames(kind, QUESTION_KINDS),
    example: 'mlsys question --kind numeric',
  });
}
