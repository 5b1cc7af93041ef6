import { existsSync } from 'node:fs';
import { describeStoreContract } from '@mlsys/core/testing';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createStore } from './create-store.js';
import { createTemporaryStore } from './create-temporary-store.js';
import { postgresHarness, sqliteHarness, TEST_DATABASE_URL } from './testing/harnesses.js';

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

describe('createTemporaryStore', () => {
  it.each([
    ['sqlite', undefined],
    ['postgres', TEST_DATABASE_URL],
  ])('%s: works, then leaves nothing behind', async (_engine, url) => {
    const store = await createTemporaryStore(url);
    expect(await store.users.ratingsOf('slack', ['U'])).toEqual(new Map([['U', 1500]]));
    await store.close();
    if (url === undefined) expect(existsSync(store.location)).toBe(false);
    else {
      const schema = /schema (\w+)\)$/.exec(store.location)![1]!;
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      const found = await client.query('select 1 from pg_namespace where nspname = $1', [schema]);
      await client.end();
      expect(found.rowCount).toBe(0);
    }
  });
});
