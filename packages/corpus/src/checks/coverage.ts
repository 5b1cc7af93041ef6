import type { Question } from '../schema/corpus-file-schema.js';
import type { Difficulty } from '../schema/difficulty.js';
import { QUESTION_KINDS, type QuestionKind } from '../schema/question-schema.js';
import { TOPICS, type TopicId } from '../schema/topics.js';

/** How well one topic is covered: its count against the target, its levels and its kinds. */
export interface TopicCoverage {
  topic: TopicId;
  count: number;
  target: number;
  /** Distinct difficulty levels present, ascending. */
  difficulties: Difficulty[];
  /** Count per kind present, in the order of QUESTION_KINDS. */
  kinds: Partial<Record<QuestionKind, number>>;
}

/** Each topic needs questions at this many different difficulty levels (CORPUS-FORMAT.md). */
export const MIN_DIFFICULTY_LEVELS = 3;

/** Coverage of every topic of {@link TOPICS}, in that order (topics without questions included). */
export function topicCoverage(questions: readonly Question[]): TopicCoverage[] {
  return TOPICS.map((topic) => {
    const mine = questions.filter((question) => question.topic === topic.id);
    const kinds: Partial<Record<QuestionKind, number>> = {};
    for (const kind of QUESTION_KINDS) {
      const count = mine.filter((question) => question.kind === kind).length;
      if (count > 0) kinds[kind] = count;
    }
    return {
      topic: topic.id,
      count: mine.length,
      target: topic.target,
      difficulties: [...new Set(mine.map((question) => question.difficulty))].sort((a, b) => a - b),
      kinds,
    };
  });
}
