import type { QuestionData } from './question-data.js';

/** What a posted, unanswered question may carry as data: everything but the answer and its reasons. */
export type OpenQuestionData = Pick<QuestionData, 'id' | 'topic' | 'difficulty' | 'kind' | 'prompt'> & {
  choices: { letter: string; text: string }[];
};

/**
 * Drops the answer from a question reply's data (`questionReply` puts it there for `--json`): a
 * question still open must not carry its answer anywhere an adapter might forward it (a payload sent
 * to a browser, a log), as the quiz's secrecy tests demand of rounds.
 */
export function openQuestionData(data: unknown): OpenQuestionData {
  const d = data as QuestionData;
  return {
    id: d.id,
    topic: d.topic,
    difficulty: d.difficulty,
    kind: d.kind,
    prompt: d.prompt,
    choices: d.choices.map(({ letter, text }) => ({ letter, text })),
  };
}
