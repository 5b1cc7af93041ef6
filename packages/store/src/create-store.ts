import type { Store } from '@mlsys/core';
import type { Kysely } from 'kysely';
import { openPostgres } from './postgres/open-postgres.js';
import { createSqlDailyStore } from './queries/daily-store.js';
import { createSqlQuizStore } from './queries/quiz-store.js';
import { createSqlRatingStore } from './queries/rating-store.js';
import { createSqlReviewStore } from './queries/review-store.js';
import { createSqlUserStore } from './queries/user-store.js';
import { migrateToLatest } from './schema/migrate.js';
import type { Database } from './schema/tables.js';
import { openSqlite } from './sqlite/open-sqlite.js';
import { serializeCalls } from './sqlite/serialize-calls.js';
import { parseStoreUrl, redactUrl } from './store-url.js';

/** Options of {@link createStore}. */
export interface StoreOptions {
  /** `postgres://…`, `sqlite:path`, a file path, or `:memory:` (see `parseStoreUrl`). */
  url: string;
  /** PostgreSQL schema (default: the URL's `?schema=`, else `public`); created if missing. */
  schema?: string;
  /** PostgreSQL connections at most (default 10). */
  poolSize?: number;
}

/**
 * Opens the store at `url` and migrates it to the latest schema.
 *
 * @example
 * const store = await createStore({ url: process.env.DATABASE_URL ?? 'sqlite:./data/mlsys.db' });
 * @throws UserError `store/bad-url` for an unusable URL, `store/locked` when another process has the
 *   SQLite file open; Error `store/unreachable` (message and `cause`) when PostgreSQL does not answer.
 */
export async function createStore(options: StoreOptions): Promise<Store> {
  const location = parseStoreUrl(options.url, options.schema);
  if (location.engine === 'sqlite') {
    const opened = openSqlite(location.path);
    try {
      await migrateToLatest(opened.db as Kysely<unknown>);
    } catch (error) {
      await opened.close();
      throw error;
    }
    return sqlStore(opened.db, 'sqlite', opened.close);
  }
  const opened = openPostgres(location.url, location.schema, options.poolSize);
  try {
    await opened.db.schema.createSchema(location.schema).ifNotExists().execute();
    await migrateToLatest(opened.db as Kysely<unknown>, location.schema);
  } catch (error) {
    await opened.close();
    if (isConnectionError(error)) {
      throw new Error(
        `store/unreachable: PostgreSQL at ${redactUrl(location.url)} did not answer (${describe(error)})`,
        {
          cause: error,
        },
      );
    }
    throw error;
  }
  return sqlStore(opened.db, 'postgres', opened.close);
}

/**
 * The {@link Store} over an open, migrated database. On SQLite every call goes through one FIFO queue
 * (see `serializeCalls`). Internal: `createStore` and the benchmark use it.
 */
export function sqlStore(
  db: Kysely<Database>,
  engine: 'sqlite' | 'postgres',
  close: () => Promise<void>,
): Store {
  let closed = false;
  const parts = {
    quiz: createSqlQuizStore(db, engine),
    users: createSqlUserStore(db),
    daily: createSqlDailyStore(db),
    ratings: createSqlRatingStore(db),
    review: createSqlReviewStore(db),
  };
  const queue = { tail: Promise.resolve() as Promise<unknown> };
  const serial = (part: object) => (engine === 'sqlite' ? serializeCalls(part, queue) : part);
  return {
    engine,
    quiz: serial(parts.quiz) as typeof parts.quiz,
    users: serial(parts.users) as typeof parts.users,
    daily: serial(parts.daily) as typeof parts.daily,
    ratings: serial(parts.ratings) as typeof parts.ratings,
    review: serial(parts.review) as typeof parts.review,
    close: async () => {
      if (closed) return;
      closed = true;
      await close();
    },
  };
}

function isConnectionError(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  return (
    (typeof code === 'string' &&
      ['ECONNREFUSED', 'ENOTFOUND', 'ETIMEDOUT', 'EHOSTUNREACH', '3D000', '28P01', '28000'].includes(code)) ||
    /timeout exceeded when trying to connect|Connection terminated/i.test(String((error as Error)?.message))
  );
}

function describe(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return describe(error.errors[0]);
  const e = error as { code?: string; message?: string };
  return [e.code, e.message].filter(Boolean).join(' ') || String(error);
}
