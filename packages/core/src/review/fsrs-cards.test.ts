import { createEmptyCard, fsrs, Rating } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../testing/memory-store.js';
import { newCard, reviewCard, reviewGrade } from './fsrs-cards.js';
import { recordReview } from './review-answer.js';

const T = Date.parse('2026-03-02T09:00:00Z');
const MIN = 60_000;
const DAY = 86_400_000;

describe('reviewGrade', () => {
  it.each([
    ['wrong', 0, undefined, undefined, Rating.Again],
    ['half credit', 0.5, undefined, undefined, Rating.Hard],
    ['right, untimed', 1, undefined, undefined, Rating.Good],
    ['right in 5 of 20 s', 1, 5_000, 20_000, Rating.Good],
    ['right in 15 of 20 s (slow)', 1, 15_000, 20_000, Rating.Hard],
  ])('%s → %s', (_what, credit, elapsed, allowed, grade) => {
    expect(reviewGrade(credit, elapsed, allowed)).toBe(grade);
  });
});

describe('FSRS cards through ts-fsrs', () => {
  it('moves due dates exactly as ts-fsrs schedules them', () => {
    // The library itself is the reference: the same calls on its own Card objects.
    const f = fsrs();
    let expected = createEmptyCard(new Date(T));
    let card = newCard(T);
    let now = T;
    for (const grade of [Rating.Again, Rating.Good, Rating.Good, Rating.Hard, Rating.Good] as const) {
      expected = f.next(expected, new Date(now), grade).card;
      card = reviewCard(card, now, grade);
      expect(card.due).toBe(expected.due.getTime());
      expect(card.stability).toBe(expected.stability);
      now = card.due;
    }
  });

  it('brings a missed card back within minutes and a known one days later', () => {
    const again = reviewCard(newCard(T), T, Rating.Again);
    expect(again.due - T).toBeLessThanOrEqual(10 * MIN);
    let card = reviewCard(newCard(T), T, Rating.Good);
    card = reviewCard(card, card.due, Rating.Good);
    expect(card.due - T).toBeGreaterThanOrEqual(DAY);
  });
});

describe('recordReview', () => {
  it('does nothing until the user opts in, then decks misses only', async () => {
    const store = createMemoryStore();
    const base = { platform: 'slack' as const, userId: 'U1', at: T };
    expect(await recordReview(store, { ...base, questionId: 'q-a', credit: 0 })).toEqual({ kind: 'off' });
    await store.review.setOptIn('slack', 'U1', true, T);
    expect(await recordReview(store, { ...base, questionId: 'q-b', credit: 1 })).toEqual({ kind: 'skipped' });
    const missed = await recordReview(store, { ...base, questionId: 'q-a', credit: 0 });
    expect(missed).toMatchObject({ kind: 'scheduled', created: true });
    expect(await store.review.counts('slack', 'U1', T)).toEqual({ cards: 1, due: 0 });
    const due = (missed as { due: number }).due;
    expect((await store.review.dueCards('slack', 'U1', due, 5)).map((c) => c.questionKey)).toEqual(['q-a']);
    // Answering it right later reviews the same card: its due date moves on.
    const reviewed = await recordReview(store, { ...base, at: due, questionId: 'q-a', credit: 1 });
    expect(reviewed).toMatchObject({ kind: 'scheduled', created: false });
    expect((reviewed as { due: number }).due).toBeGreaterThan(due);
  });

  it('files parametric questions under their family, so they come back with new numbers', async () => {
    const store = createMemoryStore();
    await store.review.setOptIn('slack', 'U1', true, T);
    await recordReview(store, {
      platform: 'slack',
      userId: 'U1',
      at: T,
      questionId: 'kv-cache-parametric-kv-cache-size-12345',
      credit: 0,
    });
    const [card] = await store.review.dueCards('slack', 'U1', T + DAY, 5);
    expect(card?.questionKey).toBe('kv-cache-parametric-kv-cache-size');
  });
});
