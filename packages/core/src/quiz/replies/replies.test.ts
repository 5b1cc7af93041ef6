import { describe, expect, it } from 'vitest';
import type { PlayerRecord, QuizRecord } from '../../ports/store-quiz.js';
import { SAMPLE_QUESTIONS } from '../../testing/sample-questions.js';
import { DEFAULT_QUIZ_SETTINGS } from '../quiz-settings.js';
import { scoreRound } from '../score-round.js';
import { finalReply } from './final-reply.js';
import { lobbyReply } from './lobby-reply.js';
import { questionReply } from './question-reply.js';
import { resultsReply } from './results-reply.js';

const T0 = 1_750_000_000_000;
const quiz: QuizRecord = {
  id: 'quiz0001',
  platform: 'slack',
  channelId: 'C1',
  hostId: 'U-hana',
  settings: { ...DEFAULT_QUIZ_SETTINGS, topics: ['kv-cache'], rounds: 3, teams: 2 },
  phase: 'question',
  round: 1,
  phaseEndsAt: T0 + 20_000,
  createdAt: T0,
  endedAt: null,
  version: 2,
};
const player = (userId: string, name: string, team: number, score: number): PlayerRecord => ({
  userId,
  name,
  team,
  rating: 1500,
  joinedAt: T0,
  leftAt: null,
  score,
  streak: 0,
  correct: 0,
});
const [kvHeads, bytesPerToken] = SAMPLE_QUESTIONS;

describe('quiz replies', () => {
  it('question with buttons: prompt, choices, no answer', () => {
    expect(
      questionReply(quiz, {
        round: 1,
        question: kvHeads!,
        openedAt: T0,
        deadline: T0 + 20_000,
        closedAt: null,
      }),
    ).toEqual({
      visibility: 'public',
      blocks: [
        { type: 'header', text: 'Round 1 of 3' },
        {
          type: 'text',
          text: 'How many key/value heads does each attention layer of **Llama-3.1-70B** have?',
        },
        { type: 'text', text: '**A.** 8\n**B.** 64\n**C.** 1\n**D.** 16' },
        {
          type: 'actions',
          actions: [
            { type: 'button', id: 'quiz:answer', label: 'A. 8', value: 'quiz0001.1.0' },
            { type: 'button', id: 'quiz:answer', label: 'B. 64', value: 'quiz0001.1.1' },
            { type: 'button', id: 'quiz:answer', label: 'C. 1', value: 'quiz0001.1.2' },
            { type: 'button', id: 'quiz:answer', label: 'D. 16', value: 'quiz0001.1.3' },
          ],
        },
        {
          type: 'context',
          text: 'kv-cache · difficulty 2 · 20 s · one answer each · faster right answers score more',
        },
      ],
      fallbackText:
        'Round 1 of 3: How many key/value heads does each attention layer of **Llama-3.1-70B** have? A. 8  B. 64  C. 1  D. 16',
      data: {
        quizId: 'quiz0001',
        round: 1,
        rounds: 3,
        questionId: 'kv-cache-llama31-70b-kv-heads',
        kind: 'single',
        prompt: 'How many key/value heads does each attention layer of **Llama-3.1-70B** have?',
        choices: ['8', '64', '1', '16'],
        deadline: T0 + 20_000,
      },
    });
  });

  it('numeric question: a prompt for a typed number in the stated unit', () => {
    const reply = questionReply(quiz, {
      round: 2,
      question: bytesPerToken!,
      openedAt: T0,
      deadline: T0 + 20_000,
      closedAt: null,
    });
    expect(reply.blocks[2]).toEqual({
      type: 'actions',
      actions: [
        {
          type: 'prompt',
          id: 'quiz:numeric',
          label: 'Type your answer',
          value: 'quiz0001.2',
          title: 'Your answer',
          fieldLabel: 'A number in KiB',
          placeholder: 'a number',
        },
      ],
    });
  });

  it('results: answer with its bands, explanation, source, fastest, scoreboard and team averages', () => {
    const players = [
      player('U-ada', 'Ada', 1, 0),
      player('U-bob', 'Bob', 2, 0),
      player('U-hana', 'Hana', 1, 0),
    ];
    const outcome = scoreRound({
      question: bytesPerToken!,
      round: 2,
      openedAt: T0,
      settings: quiz.settings,
      players,
      answers: [
        { round: 2, userId: 'U-ada', answer: '128', answeredAt: T0 + 1_000, credit: null, points: null },
        { round: 2, userId: 'U-bob', answer: '137', answeredAt: T0 + 400, credit: null, points: null },
      ],
    });
    const after = players.map((p) => ({ ...p, ...outcome.players.find((u) => u.userId === p.userId) }));
    const reply = resultsReply({ ...quiz, round: 2 }, 2, bytesPerToken!, outcome, after, 5_000);
    expect(reply.blocks).toEqual([
      { type: 'header', text: 'Round 2 of 3: the answer' },
      { type: 'text', text: '✅ **128 KiB** (full points within ±2 %, half within ±10 %)' },
      { type: 'text', text: bytesPerToken!.explanation },
      { type: 'context', text: `Source: ${bytesPerToken!.source}` },
      { type: 'text', text: '⚡ Fastest: **Ada** in 1.0 s (+975 points) · 2 of 3 answered · 1 right' },
      {
        type: 'table',
        columns: [
          { title: '#', align: 'right' },
          { title: 'Player' },
          { title: 'Team' },
          { title: 'Points', align: 'right' },
        ],
        rows: [
          ['1', 'Ada', 'Red', '975'],
          ['2', 'Bob', 'Blue', '500'],
          ['3', 'Hana', 'Red', '0'],
        ],
      },
      {
        type: 'table',
        columns: [
          { title: '#', align: 'right' },
          { title: 'Team' },
          { title: 'Players', align: 'right' },
          { title: 'Average', align: 'right' },
        ],
        rows: [
          ['1', 'Blue', '1', '500'],
          ['2', 'Red', '2', '488'],
        ],
      },
      { type: 'context', text: 'Next round in 5 s.' },
    ]);
  });

  it('final: podium of up to five, team verdict and ratings, the podium’s rating changes', () => {
    const players = ['Ada', 'Bob', 'Cy', 'Dee', 'Eve', 'Fay'].map((name, i) => ({
      ...player(`U-${i}`, name, (i % 2) + 1, 600 - i * 100),
      rating: 1400 + i * 40,
    }));
    const ratings = players.map((p, i) => ({
      userId: p.userId,
      name: p.name,
      before: p.rating,
      after: p.rating + 30 - i * 12.4,
    }));
    const reply = finalReply({ ...quiz, phase: 'finished', round: 3 }, players, 'finished', ratings);
    expect(reply.blocks.slice(0, 3)).toEqual([
      { type: 'header', text: 'Quiz over' },
      { type: 'text', text: '🥇 **Ada** 600\n🥈 **Bob** 500\n🥉 **Cy** 400\n4. **Dee** 300\n5. **Eve** 200' },
      { type: 'text', text: '**Red wins** with an average of 400 points per player.' },
    ]);
    expect(reply.blocks.slice(-2)).toEqual([
      // Red: Ada 1400, Cy 1480, Eve 1560 → 1480; Blue: Bob 1440, Dee 1520, Fay 1600 → 1520.
      { type: 'context', text: 'Team ratings (mean of members): Blue 1520 · Red 1480' },
      {
        type: 'context',
        text: 'Rating changes: Ada 1400 → 1430 (+30) · Bob 1440 → 1458 (+18) · Cy 1480 → 1485 (+5) · Dee 1520 → 1513 (-7) · Eve 1560 → 1540 (-20)',
      },
    ]);
    expect(reply.data).toMatchObject({
      podium: [
        { rank: 1, player: 'Ada', score: 600 },
        { rank: 2, player: 'Bob', score: 500 },
        { rank: 3, player: 'Cy', score: 400 },
        { rank: 4, player: 'Dee', score: 300 },
        { rank: 5, player: 'Eve', score: 200 },
      ],
      teams: [
        { rank: 1, team: 'Red', members: 3, score: 400 },
        { rank: 2, team: 'Blue', members: 3, score: 300 },
      ],
      ratingChanges: ratings.map((r) => ({
        userId: r.userId,
        player: r.name,
        before: r.before,
        after: r.after,
      })),
    });
    expect(finalReply({ ...quiz, phase: 'finished', round: 3 }, players, 'finished').data).toMatchObject({
      ratingChanges: null,
    });
  });

  it('lobby: settings, players and team buttons when players pick', () => {
    const lobby = {
      ...quiz,
      phase: 'lobby' as const,
      round: 0,
      settings: { ...quiz.settings, teamPick: 'chosen' as const },
    };
    const reply = lobbyReply(lobby, [
      player('U-hana', 'Hana', 1, 0),
      { ...player('U-ada', 'Ada', 2, 0), team: null },
    ]);
    expect(reply.blocks.slice(1, 4)).toEqual([
      {
        type: 'text',
        text: '3 rounds · kv-cache · difficulty 1–5 · 20 s per round · 2 teams (pick or be balanced) · speed points, streak bonus',
      },
      { type: 'text', text: '**Players (2):** Hana (Red), Ada' },
      {
        type: 'actions',
        actions: [
          { type: 'button', id: 'quiz:join', label: 'Join Red', value: 'quiz0001.1' },
          { type: 'button', id: 'quiz:join', label: 'Join Blue', value: 'quiz0001.2' },
          { type: 'button', id: 'quiz:leave', label: 'Leave', value: 'quiz0001' },
          { type: 'button', id: 'quiz:begin', label: 'Start (host)', value: 'quiz0001', style: 'primary' },
        ],
      },
    ]);
  });
});
