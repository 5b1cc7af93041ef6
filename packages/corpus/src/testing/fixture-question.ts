import type { Question } from '../schema/corpus-file-schema.js';

/**
 * A valid `single` question for tests, with fields overridden by `patch` (id defaults from the topic).
 * The content is placeholder text, not a corpus fact.
 */
export function fixtureQuestion(patch: Partial<Question> = {}): Question {
  const topic = patch.topic ?? 'kv-cache';
  return {
    id: `${topic}-fixture`,
    topic,
    subtopic: 'fixture',
    difficulty: 2,
    kind: 'single',
    prompt: 'Fixture prompt.',
    choices: [
      { text: 'Right', correct: true, why: 'Fixture.' },
      { text: 'Wrong', correct: false, why: 'Fixture.' },
    ],
    explanation: 'Fixture explanation.',
    source: 'Fixture source.',
    tags: ['fixture'],
    ...patch,
  } as Question;
}
