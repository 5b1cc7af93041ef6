import type { Question } from '../schema/corpus-file-schema.js';
import { DIFFICULTIES } from '../schema/difficulty.js';
import { QUESTION_KINDS, type QuestionKind } from '../schema/question-schema.js';
import { TOPICS, type TopicId } from '../schema/topics.js';

/** Question counts of a corpus (`mlsys corpus stats --json`); every topic, level and kind is listed, zeros included. */
export interface CorpusStats {
  total: number;
  byTopic: Record<TopicId, number>;
  /** Keyed by level `"1"`..`"5"`. */
  byDifficulty: Record<string, number>;
  byKind: Record<QuestionKind, number>;
}

/** Counts questions by topic, difficulty and kind. */
export function corpusStats(questions: readonly Question[]): CorpusStats {
  const byTopic = Object.fromEntries(TOPICS.map((topic) => [topic.id, 0])) as Record<TopicId, number>;
  const byDifficulty = Object.fromEntries(DIFFICULTIES.map((entry) => [String(entry.level), 0]));
  const byKind = Object.fromEntries(QUESTION_KINDS.map((kind) => [kind, 0])) as Record<QuestionKind, number>;
  for (const question of questions) {
    byTopic[question.topic]++;
    byDifficulty[String(question.difficulty)] = (byDifficulty[String(question.difficulty)] ?? 0) + 1;
    byKind[question.kind]++;
  }
  return { total: questions.length, byTopic, byDifficulty, byKind };
}
