import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Store } from '@mlsys/core';
import pg from 'pg';
import { createStore } from './create-store.js';
import { parseStoreUrl } from './store-url.js';

/**
 * A fresh, private store that disappears on `close()`: a new schema with a random name on the
 * PostgreSQL database of `url` (dropped at close), or, without a `postgres://` URL, a SQLite file in a
 * new temporary folder (removed at close). For simulations, benchmarks and `mlsys quiz play`.
 */
export async function createTemporaryStore(url?: string): Promise<Store & { readonly location: string }> {
  const location = url === undefined ? undefined : parseStoreUrl(url);
  if (url !== undefined && location?.engine === 'postgres') {
    const schema = `mlsys_tmp_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
    const store = await createStore({ url, schema });
    const plain = location.url;
    return {
      ...store,
      location: `${plain} (schema ${schema})`,
      close: async () => {
        await store.close();
        const client = new pg.Client({ connectionString: plain });
        await client.connect();
        try {
          await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        } finally {
          await client.end();
        }
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'mlsys-store-'));
  const path = join(dir, 'mlsys.db');
  const store = await createStore({ url: `sqlite:${path}` });
  return {
    ...store,
    location: path,
    close: async () => {
      try {
        await store.close();
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
