import { describe, expect, it } from 'vitest';
import { corpusStats } from '../stats/corpus-stats.js';
import { fixtureQuestion } from '../testing/fixture-question.js';
import { parseDifficulty } from './difficulty.js';
import { parseTopic, TOPICS } from './topics.js';

describe('TOPICS', () => {
  it('holds the 24 topics of CORPUS-FORMAT.md with targets summing to 479', () => {
    expect(TOPICS).toHaveLength(24);
    expect(TOPICS.reduce((sum, topic) => sum + topic.target, 0)).toBe(479);
    expect(new Set(TOPICS.map((topic) => topic.id)).size).toBe(24);
  });

  it.each([
    ['kv-cache', 'kv-cache'],
    ['KV_Cache', 'kv-cache'],
    ['flash attention', 'flash-attention'],
  ])('reads %j as %s', (raw, expected) => {
    expect(parseTopic(raw)).toBe(expected);
  });

  it('suggests close topics for a typo', () => {
    expect(() => parseTopic('kvcache')).toThrow(
      expect.objectContaining({ code: 'corpus/unknown-topic', suggestions: ['kv-cache'] }),
    );
  });
});

describe('parseDifficulty', () => {
  it.each([
    ['1', 1],
    ['warm-up', 1],
    ['Hard', 4],
    ['staff', 5],
  ])('reads %j as %d', (raw, expected) => {
    expect(parseDifficulty(raw)).toBe(expected);
  });

  it('refuses levels outside 1..5', () => {
    expect(() => parseDifficulty('6')).toThrow(expect.objectContaining({ code: 'corpus/bad-difficulty' }));
  });
});

describe('corpusStats', () => {
  it('counts by topic, difficulty and kind, listing zeros', () => {
    const stats = corpusStats([
      fixtureQuestion({ id: 'kv-cache-a' }),
      fixtureQuestion({ id: 'kv-cache-b', difficulty: 5 }),
      fixtureQuestion({ id: 'moe-a', topic: 'moe', kind: 'multi' }),
    ]);
    expect(stats.total).toBe(3);
    expect(stats.byTopic['kv-cache']).toBe(2);
    expect(stats.byTopic.attention).toBe(0);
    expect(stats.byDifficulty).toEqual({ '1': 0, '2': 2, '3': 0, '4': 0, '5': 1 });
    expect(stats.byKind).toEqual({ single: 2, multi: 1, truefalse: 0, numeric: 0, ordering: 0 });
  });
});
