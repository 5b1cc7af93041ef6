import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from '../schema/tables.js';

/** An open PostgreSQL pool as Kysely, and how to close it. */
export interface OpenedPostgres {
  db: Kysely<Database>;
  close(): Promise<void>;
}

/** PostgreSQL type OID of `bigint` (int8), from `pg_type`. */
const INT8_OID = 20;

/**
 * `bigint` columns (epoch-ms times, counts) are read as JavaScript numbers: exact up to 2^53, far
 * beyond any time or count the bot stores. Set per pool, not globally.
 */
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID && format !== 'binary'
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format ?? 'text')) as typeof pg.types.getTypeParser,
};

/**
 * Opens a pool on `url` whose connections use `schema` as their search path, so every unqualified
 * table name resolves there (tests give each suite its own schema).
 *
 * @param poolSize Connections at most (default 10).
 */
export function openPostgres(url: string, schema: string, poolSize = 10): OpenedPostgres {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    types,
    options: `-c search_path=${schema}`,
    connectionTimeoutMillis: 5_000,
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, close: () => db.destroy() };
}
