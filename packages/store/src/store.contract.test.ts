import { describeStoreContract } from '@mlsys/core/testing';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createStore } from './create-store.js';
import { postgresHarness, sqliteHarness } from './testing/harnesses.js';

describeStoreContract('sqlite', sqliteHarness);
describeStoreContract('postgres', postgresHarness);

describe('SQLite file', () => {
  it('refuses a second store on the same file while the first is open', async () => {
    const harness = await sqliteHarness();
    const first = await harness.open();
    try {
      await expect(createStore({ url: harness.path })).rejects.toThrow(
        /test\.db is locked: This process already has it open/,
      );
    } finally {
      await first.close();
    }
    const again = await createStore({ url: harness.path });
    await again.close();
    await harness.cleanup();
  });

  it('runs in WAL mode', async () => {
    const harness = await sqliteHarness();
    const store = await harness.open();
    await store.close();
    const db = new BetterSqlite3(harness.path, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
    await harness.cleanup();
  });
});
