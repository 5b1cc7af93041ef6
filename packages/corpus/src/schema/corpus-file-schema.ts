import { z } from 'zod';
import { type QuestionInFile, questionSchema } from './question-schema.js';
import { TOPIC_IDS, type TopicId } from './topics.js';

/** One data file: a topic and its questions (CORPUS-FORMAT.md). */
export const corpusFileSchema = z.strictObject({
  topic: z.enum(TOPIC_IDS, 'is not a topic id (see TOPICS)'),
  questions: z.array(questionSchema).min(1, 'holds no questions'),
});

/** A validated data file. */
export type CorpusFile = z.output<typeof corpusFileSchema>;

/** A question of the corpus: as written in its file, plus the file's topic. */
export type Question = QuestionInFile & { topic: TopicId };

/** The question of `kind` K, e.g. `QuestionOf<'numeric'>`. */
export type QuestionOf<K extends Question['kind']> = Extract<Question, { kind: K }>;
