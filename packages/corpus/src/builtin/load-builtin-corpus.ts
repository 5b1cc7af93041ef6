import { UserError } from '@mlsys/errors';
import type { Question } from '../schema/corpus-file-schema.js';
import { questionSchema } from '../schema/question-schema.js';
import { isTopicId } from '../schema/topics.js';
import { type Corpus, createCorpus } from '../select/corpus.js';

/** Version of the compiled data layout; `scripts/compile-corpus.mjs` writes the same number. */
export const COMPILED_FORMAT = 1;

const HOW_TO_BUILD = 'pnpm --filter @mlsys/corpus build';

let loading: Promise<Corpus> | undefined;

/**
 * The questions shipped with the package (compiled from `data/*.yaml` by the build), checked against
 * the schema once and cached. Loading is a module import, not file I/O of ours.
 *
 * @throws UserError `corpus/not-built` when the compiled module is missing or out of date, naming the
 * command that builds it.
 */
export function loadBuiltinCorpus(): Promise<Corpus> {
  loading ??= load().catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

async function load(): Promise<Corpus> {
  let compiled: { format: number; questions: unknown[] };
  try {
    compiled = (await import('../generated/questions.js')).default;
  } catch (error) {
    throw new UserError(
      'corpus/not-built',
      `The question corpus is not compiled (src/generated/questions.js and dist/generated/questions.js are made from data/*.yaml by the build). Run: ${HOW_TO_BUILD}`,
      { cause: error },
    );
  }
  if (compiled.format !== COMPILED_FORMAT)
    throw stale(`format ${compiled.format}, expected ${COMPILED_FORMAT}`);
  return createCorpus(compiled.questions.map(toQuestion));
}

function toQuestion(raw: unknown, index: number): Question {
  const { topic, ...rest } = (raw ?? {}) as { topic?: unknown };
  const parsed = questionSchema.safeParse(rest);
  if (!parsed.success || typeof topic !== 'string' || !isTopicId(topic)) {
    throw stale(`question ${index} does not match the schema`);
  }
  return { ...parsed.data, topic };
}

function stale(detail: string): UserError {
  return new UserError(
    'corpus/not-built',
    `The compiled question corpus is out of date (${detail}). Run: ${HOW_TO_BUILD}`,
  );
}
