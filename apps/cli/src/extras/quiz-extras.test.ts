import { createListQuestionSource, systemClock } from '@mlsys/core';
import { SAMPLE_QUESTIONS } from '@mlsys/core/testing';
import { createTemporaryStore } from '@mlsys/store';
import { describe, expect, it } from 'vitest';
import { type LineReader, playQuiz } from './quiz-play.js';
import { simulateQuiz } from './quiz-simulate.js';

const choices = createListQuestionSource(SAMPLE_QUESTIONS.filter((q) => q.kind !== 'numeric'));
const PG = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

async function simulate(
  url: string | undefined,
  options: { players: number; rounds: number; teams: number; seed: number },
) {
  const store = await createTemporaryStore(url);
  try {
    const summary = await simulateQuiz({ store, questions: choices, seconds: 20, ...options });
    const quiz = await store.quiz.activeQuiz('cli', `simulation-${options.seed}`);
    const recorded = [];
    const id = `sim${options.seed}`;
    for (let round = 1; round <= options.rounds; round++)
      recorded.push(...(await store.quiz.listAnswers(id, round)));
    return { summary, recorded, players: await store.quiz.listPlayers(id), stillActive: quiz };
  } finally {
    await store.close();
  }
}

describe('quiz simulate', () => {
  it('counts every click once, matches the store, and repeats exactly on both engines', async () => {
    const options = { players: 60, rounds: 3, teams: 2, seed: 7 };
    const sqlite = await simulate(undefined, options);
    const { summary } = sqlite;
    expect(summary.answersAccepted).toBe(sqlite.recorded.length);
    // 60 players x 3 rounds answer once each, some twice at the same instant; some after the deadline.
    expect(summary.answersAccepted + summary.lateRejected).toBeGreaterThanOrEqual(180);
    expect(summary.duplicatesRejected).toBeGreaterThan(0);
    expect(summary.lateRejected).toBeGreaterThan(0);
    expect(sqlite.stillActive).toBeUndefined();
    // Team scores are the average of the members' totals.
    for (const [team, score] of Object.entries(summary.teamScores)) {
      const number = ['Red', 'Blue', 'Green', 'Yellow'].indexOf(team) + 1;
      const members = sqlite.players.filter((p) => p.team === number);
      expect(score).toBe(Math.round(members.reduce((a, p) => a + p.score, 0) / members.length));
    }
    expect(summary.podium).toHaveLength(5);
    expect(summary.podium[0]!.score).toBe(Math.max(...sqlite.players.map((p) => p.score)));

    expect((await simulate(undefined, options)).summary).toEqual(summary);
    expect((await simulate(PG, options)).summary).toEqual(summary);
  });
});

describe('quiz play', () => {
  it('plays rounds from typed lines, re-asks on nonsense, and stops at end of input', async () => {
    const store = await createTemporaryStore();
    const typed = ['Z', 'A', 'b'];
    const prompts: string[] = [];
    const read: LineReader = async (prompt) => {
      prompts.push(prompt);
      const line = typed.shift();
      return line === undefined ? 'eof' : { line };
    };
    let output = '';
    try {
      await playQuiz({
        store,
        questions: choices,
        clock: systemClock,
        settings: { rounds: 3, topics: ['moe'] },
        player: { id: 'me', name: 'Me' },
        read,
        write: (text) => {
          output += text;
        },
      });
    } finally {
      await store.close();
    }
    expect(output).toContain('Round 1 of 3');
    expect(output).toContain('Type one of the letters shown.');
    expect(output).toContain('Round 1 of 3: the answer');
    expect(output).toContain('Round 2 of 3: the answer');
    expect(output).toContain('Quiz stopped after round 3');
    expect(prompts).toHaveLength(4);
  });
});
