import type { CorpusIssue } from '../load/corpus-issue.js';
import type { Question } from '../schema/corpus-file-schema.js';
import { MIN_DIFFICULTY_LEVELS, topicCoverage } from './coverage.js';
import { findNearDuplicates, NEAR_DUPLICATE_THRESHOLD } from './near-duplicates.js';

/** Options of {@link checkCorpus}. */
export interface CheckCorpusOptions {
  /** Jaccard similarity of prompt words at which two prompts are near-duplicates; default 0.8. */
  nearDuplicateThreshold?: number;
}

/**
 * Longest id that fits a button: Discord's `custom_id` holds at most 100 characters, and a button
 * carries the action id (`question:answer`, 15) plus `<question id>#<choice>`.
 */
export const MAX_ID_LENGTH = 64;

/**
 * Corpus-wide quality checks on valid questions. Errors: near-duplicate prompts, a topic with
 * questions at fewer than 3 difficulty levels. Warnings: a topic below its target count, a topic of 8 or
 * more questions with a single kind, ids too long for a button.
 */
export function checkCorpus(questions: readonly Question[], options: CheckCorpusOptions = {}): CorpusIssue[] {
  const issues: CorpusIssue[] = [];
  const prompts = new Map(questions.map((question) => [question.id, question.prompt]));
  const threshold = options.nearDuplicateThreshold ?? NEAR_DUPLICATE_THRESHOLD;
  for (const pair of findNearDuplicates(questions, threshold)) {
    issues.push({
      severity: 'error',
      code: 'near-duplicate',
      question: pair.a,
      field: 'prompt',
      message:
        `nearly the same prompt as ${pair.b} (word overlap ${pair.similarity.toFixed(2)} ≥ ${threshold}): ` +
        `"${snippet(prompts.get(pair.a)!)}" / "${snippet(prompts.get(pair.b)!)}"`,
    });
  }
  for (const coverage of topicCoverage(questions)) {
    if (coverage.difficulties.length < MIN_DIFFICULTY_LEVELS) {
      issues.push({
        severity: 'error',
        code: 'difficulty-spread',
        topic: coverage.topic,
        message:
          coverage.count === 0
            ? `no questions yet; needs questions at ${MIN_DIFFICULTY_LEVELS} or more difficulty levels`
            : `questions at ${coverage.difficulties.length} difficulty level(s) ` +
              `(${coverage.difficulties.join(', ')}); needs at least ${MIN_DIFFICULTY_LEVELS}`,
      });
    }
    if (coverage.count < coverage.target) {
      issues.push({
        severity: 'warning',
        code: 'below-target',
        topic: coverage.topic,
        message: `${coverage.count} of ${coverage.target} questions`,
      });
    }
    const kinds = Object.keys(coverage.kinds);
    if (coverage.count >= 8 && kinds.length < 2) {
      issues.push({
        severity: 'warning',
        code: 'kind-mix',
        topic: coverage.topic,
        message: `all ${coverage.count} questions are of kind ${kinds[0]}; mix in other kinds`,
      });
    }
  }
  for (const question of questions) {
    if (question.id.length > MAX_ID_LENGTH) {
      issues.push({
        severity: 'warning',
        code: 'long-id',
        question: question.id,
        field: 'id',
        message: `${question.id.length} characters; at most ${MAX_ID_LENGTH} fit in a button value`,
      });
    }
  }
  return issues;
}

function snippet(prompt: string): string {
  const line = prompt.replace(/\s+/g, ' ').trim();
  return line.length > 70 ? `${line.slice(0, 69)}…` : line;
}
