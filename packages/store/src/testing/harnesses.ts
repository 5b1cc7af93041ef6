import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StoreHarness } from '@mlsys/core/testing';
import pg from 'pg';
import { createStore } from '../create-store.js';

/** The PostgreSQL tests use; CI provides it. Tests FAIL (never skip) when it does not answer. */
export const TEST_DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A fresh SQLite file in a temporary folder, removed by `cleanup`. */
export async function sqliteHarness(): Promise<StoreHarness & { path: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'mlsys-store-'));
  const path = join(dir, 'test.db');
  return {
    path,
    open: () => createStore({ url: `sqlite:${path}` }),
    concurrentInstances: false,
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * A fresh PostgreSQL schema with a random name on {@link TEST_DATABASE_URL}; `cleanup` drops it.
 *
 * @throws Error naming the URL when PostgreSQL does not answer.
 */
export async function postgresHarness(): Promise<StoreHarness & { schema: string }> {
  const schema = `test_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL, connectionTimeoutMillis: 5_000 });
  try {
    await admin.connect();
  } catch (cause) {
    throw new Error(
      `PostgreSQL tests need a server at ${TEST_DATABASE_URL} (set DATABASE_URL); connecting failed`,
      { cause },
    );
  }
  await admin.query(`CREATE SCHEMA ${schema}`);
  return {
    schema,
    open: () => createStore({ url: TEST_DATABASE_URL, schema }),
    concurrentInstances: true,
    cleanup: async () => {
      try {
        await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      } finally {
        await admin.end();
      }
    },
  };
}
