import { loadBuiltinCorpus } from '@mlsys/corpus';
import { describe, expect, it } from 'vitest';
import { simulateDaily, simulationStores } from './daily-simulate.js';

const PG = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

describe('mlsys daily simulate', () => {
  it.each([
    ['SQLite (one process, instances share the file)', undefined],
    ['PostgreSQL (one pool per instance)', PG],
  ])(
    '%s: three instances, exactly one post per channel and local day across DST changes',
    async (_what, url) => {
      const opened = await simulationStores(url, 3);
      try {
        // 2026-03-01 … 2026-04-10 covers New York (8 Mar), London (29 Mar), Lord Howe and Auckland (5 Apr).
        const result = await simulateDaily({
          stores: opened.stores,
          corpus: await loadBuiltinCorpus(),
          channels: 8,
          days: 40,
          seed: 3,
        });
        expect(result).toEqual({ posts: 8 * 40, duplicates: 0, missing: 0 });
      } finally {
        await opened.close();
      }
    },
    300_000,
  );
});
