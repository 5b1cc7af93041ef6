import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PlayerRecord } from '../ports/store-quiz.js';
import { playerStandings, teamStandings } from './standings.js';
import { balanceTeams } from './teams.js';

const player = (userId: string, score: number, team: number | null, rating = 1500): PlayerRecord => ({
  userId,
  name: userId,
  team,
  rating,
  joinedAt: 0,
  leftAt: null,
  score,
  streak: 0,
  correct: 0,
});

describe('teamStandings', () => {
  it('averages member scores, so the bigger team does not win by size (Kahoot team mode)', () => {
    // Red: 3 players with 1000 each = 3000 in total, average 1000.
    // Blue: 2 players with 1500 and 1300 = 2800 in total, average 1400: Blue wins.
    const players = [
      player('a', 1000, 1),
      player('b', 1000, 1),
      player('c', 1000, 1),
      player('d', 1500, 2),
      player('e', 1300, 2),
    ];
    expect(teamStandings(players)).toEqual([
      { rank: 1, team: 2, name: 'Blue', members: 2, score: 1400 },
      { rank: 2, team: 1, name: 'Red', members: 3, score: 1000 },
    ]);
  });

  it('rounds the average and shares ranks on ties', () => {
    const players = [player('a', 1000, 1), player('b', 1001, 1), player('c', 1001, 3), player('d', 1000, 3)];
    expect(teamStandings(players).map((t) => [t.rank, t.name, t.score])).toEqual([
      [1, 'Red', 1001],
      [1, 'Green', 1001],
    ]);
  });
});

describe('playerStandings', () => {
  it('orders by score with shared ranks', () => {
    const ranks = playerStandings([player('a', 500, null), player('b', 900, null), player('c', 500, null)]);
    expect(ranks.map((s) => [s.rank, s.userId])).toEqual([
      [1, 'b'],
      [2, 'a'],
      [2, 'c'],
    ]);
  });
});

describe('balanceTeams', () => {
  it('spreads ratings: 1900, 1700, 1500, 1300 into two teams of 3200', () => {
    const players = [
      player('p1900', 0, null, 1900),
      player('p1700', 0, null, 1700),
      player('p1500', 0, null, 1500),
      player('p1300', 0, null, 1300),
    ];
    const teams = balanceTeams(players, 2);
    expect(Object.fromEntries(teams)).toEqual({ p1900: 1, p1700: 2, p1500: 2, p1300: 1 });
  });

  it('keeps chosen teams and balances the rest around them', () => {
    const players = [
      player('a', 0, 2, 1500),
      player('b', 0, 2, 1500),
      player('c', 0, null),
      player('d', 0, null),
    ];
    expect(Object.fromEntries(balanceTeams(players, 2, 'chosen'))).toEqual({ a: 2, b: 2, c: 1, d: 1 });
    expect(Object.fromEntries(balanceTeams(players, 2, 'none'))).toEqual({ a: 1, b: 2, c: 1, d: 2 });
  });

  it('always gives sizes within one of each other, everyone a team in range', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 600, max: 2800 }), { minLength: 0, maxLength: 40 }),
        fc.integer({ min: 2, max: 4 }),
        (ratings, teams) => {
          const players = ratings.map((r, i) => player(`u${i}`, 0, null, r));
          const assigned = balanceTeams(players, teams);
          const sizes = Array.from(
            { length: teams },
            (_, t) => [...assigned.values()].filter((x) => x === t + 1).length,
          );
          return assigned.size === players.length && Math.max(...sizes) - Math.min(...sizes) <= 1;
        },
      ),
      { seed: 7 },
    );
  });
});
