import { describe, expect, it } from 'vitest';
import { closestNames, editDistance } from './closest-names.js';

const commands = ['kvcache', 'moe', 'chinchilla', 'parallel', 'specdec', 'kernel', 'quiz'];
const models = ['llama-3.1-70b', 'llama-3-70b', 'mixtral-8x7b', 'r1', 'dsv3'];

describe('closestNames', () => {
  it.each([
    ['kvcach', commands, ['kvcache']], // one letter dropped
    ['paralel', commands, ['parallel']],
    ['KERNAL', commands, ['kernel']], // case-insensitive
    ['chin', commands, ['chinchilla']], // a prefix counts as close
    ['lama-3.1-70b', models, ['llama-3.1-70b', 'llama-3-70b']], // best first
  ])('%j → %j', (input, candidates, expected) => {
    expect(closestNames(input, candidates)).toEqual(expected);
  });

  it.each([
    ['🦙', models], // two UTF-16 units, both replaced: within 2 of "r1" but nothing kept
    ['xy', models],
    ['zzzzzzzz', commands],
  ])('suggests nothing for %j', (input, candidates) => {
    expect(closestNames(input, candidates)).toEqual([]);
  });

  it('returns at most `limit` names', () => {
    expect(closestNames('llama', ['llama-a', 'llama-b', 'llama-c', 'llama-d'], 2)).toEqual([
      'llama-a',
      'llama-b',
    ]);
  });
});

describe('editDistance', () => {
  it.each([
    ['kitten', 'sitting', 3], // the textbook example (Levenshtein 1966)
    ['', 'abc', 3],
    ['same', 'same', 0],
  ])('%j → %j: %i', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
  });
});
