import type { Rng } from '../random/mulberry32.js';
import { randomIndex } from '../random/seed.js';
import type { Question } from '../schema/corpus-file-schema.js';
import type { Difficulty } from '../schema/difficulty.js';
import { LIMITS } from '../schema/text-fields.js';
import type { TopicId } from '../schema/topics.js';

/** A wrong answer built from a known mistake, with what the mistake was. */
export interface Distractor {
  label: string;
  why: string;
}

/** What a generator fills in for a `single` question. */
export interface ChoiceQuestionParts {
  id: string;
  topic: TopicId;
  subtopic: string;
  difficulty: Difficulty;
  prompt: string;
  correct: Distractor;
  /** Mistakes in order of preference; duplicates of the answer or of each other are dropped. */
  distractors: readonly Distractor[];
  explanation: string;
  source: string;
  tags: string[];
  trap?: string;
}

/**
 * A `single` question from a right answer and mistake-based distractors: labels that read the same as
 * the answer or as an earlier distractor are dropped, and at most four distractors are kept (five
 * choices, the format's maximum).
 *
 * @throws Error when fewer than one distractor survives (a generator bug).
 */
export function choiceQuestion(parts: ChoiceQuestionParts): Question {
  const seen = new Set([parts.correct.label]);
  const wrong: Distractor[] = [];
  for (const distractor of parts.distractors) {
    if (seen.has(distractor.label) || wrong.length === LIMITS.maxChoices - 1) continue;
    seen.add(distractor.label);
    wrong.push(distractor);
  }
  if (wrong.length === 0) throw new Error(`parametric ${parts.id}: no distractor differs from the answer`);
  return {
    id: parts.id,
    topic: parts.topic,
    subtopic: parts.subtopic,
    difficulty: parts.difficulty,
    kind: 'single',
    prompt: parts.prompt,
    choices: [
      { text: parts.correct.label, correct: true, why: parts.correct.why },
      ...wrong.map((distractor) => ({ text: distractor.label, correct: false, why: distractor.why })),
    ],
    explanation: parts.explanation,
    source: parts.source,
    tags: parts.tags,
    ...(parts.trap === undefined ? {} : { trap: parts.trap }),
  };
}

/** One element of `items`, drawn by `rng`. */
export function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[randomIndex(rng, items.length)]!;
}
