/**
 * @module @mlsys/corpus
 * The question corpus: the zod schema of the data format (CORPUS-FORMAT.md), the loader that names file,
 * question and field in every error, corpus checks, seeded selection and shuffling, stats, and the
 * compiled questions shipped with the package. Pure: the build compiles `data/*.yaml`; nothing here
 * reads files or the environment.
 */

export { COMPILED_FORMAT, loadBuiltinCorpus } from './builtin/load-builtin-corpus.js';
export { type CheckCorpusOptions, checkCorpus, MAX_ID_LENGTH } from './checks/check-corpus.js';
export { MIN_DIFFICULTY_LEVELS, type TopicCoverage, topicCoverage } from './checks/coverage.js';
export {
  findNearDuplicates,
  jaccard,
  NEAR_DUPLICATE_THRESHOLD,
  type NearDuplicate,
  promptWords,
} from './checks/near-duplicates.js';
export { type CompiledCorpus, type CorpusSource, compileCorpus } from './load/compile-corpus.js';
export { type CorpusIssue, formatIssue, pathToField, sortIssues } from './load/corpus-issue.js';
export { type ParsedCorpusFile, parseCorpusFile } from './load/parse-corpus-file.js';
export { chinchillaComputeQuestion, chinchillaParamsQuestion } from './parametric/chinchilla-optimal.js';
export {
  generateParametricQuestion,
  PARAMETRIC_GENERATORS,
  type ParametricOptions,
} from './parametric/generate-parametric.js';
export { KV_MODELS, type KvCacheParams, kvCacheQuestion } from './parametric/kv-cache-size.js';
export { MOE_MODELS, moeActiveQuestion } from './parametric/moe-active.js';
export type { ParametricGenerator } from './parametric/parametric-generator.js';
export { type BubbleParams, pipelineBubbleQuestion } from './parametric/pipeline-bubble.js';
export { specdecTokensQuestion } from './parametric/specdec-tokens.js';
export { type ZeroParams, zeroMemoryQuestion } from './parametric/zero-memory.js';
export { mulberry32, type Rng } from './random/mulberry32.js';
export { createRng, randomIndex, type Seed, seedToInt, shuffled } from './random/seed.js';
export {
  type CorpusFile,
  corpusFileSchema,
  type Question,
  type QuestionOf,
} from './schema/corpus-file-schema.js';
export { DIFFICULTIES, type Difficulty, difficultyName, parseDifficulty } from './schema/difficulty.js';
export {
  CHECK_COMMANDS,
  type CheckedBy,
  type Choice,
  type NumericAnswer,
  QUESTION_KINDS,
  type QuestionInFile,
  type QuestionKind,
  questionSchema,
} from './schema/question-schema.js';
export { KEBAB_CASE, LIMITS, POSITIONAL_CHOICE } from './schema/text-fields.js';
export {
  isTopicId,
  parseTopic,
  TOPIC_IDS,
  TOPICS,
  type Topic,
  type TopicId,
  topicById,
} from './schema/topics.js';
export {
  type Corpus,
  createCorpus,
  type DrawOptions,
  drawQuestion,
  filterQuestions,
  type QuestionFilter,
} from './select/corpus.js';
export { gradeNumeric, isCorrectChoice, type NumericGrade } from './select/grade.js';
export { type PresentedOption, type PresentedQuestion, presentQuestion } from './select/present-question.js';
export { type CorpusStats, corpusStats } from './stats/corpus-stats.js';
