import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from '../schema/tables.js';
import { acquireFileLock } from './file-lock.js';

/** An open SQLite database and how to close it (which also releases its lock). */
export interface OpenedSqlite {
  db: Kysely<Database>;
  close(): Promise<void>;
}

/**
 * Opens (creating it and its folder if needed) one SQLite file with better-sqlite3, in WAL mode with
 * `synchronous = NORMAL` (durable across crashes of the process; a power cut may lose the last
 * commits), foreign keys on and a 5 s busy timeout. The file is locked (`<path>.lock`) so a second
 * process refuses to start; `:memory:` is not locked.
 *
 * @throws UserError `store/locked` when another process holds the file.
 */
export function openSqlite(path: string): OpenedSqlite {
  const memory = path === ':memory:';
  const file = memory ? path : resolve(path);
  if (!memory) mkdirSync(dirname(file), { recursive: true });
  const lock = memory ? undefined : acquireFileLock(`${file}.lock`, `The database ${file}`);
  let sqlite: BetterSqlite3.Database;
  try {
    sqlite = new BetterSqlite3(file);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
  } catch (error) {
    lock?.release();
    throw error;
  }
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return {
    db,
    close: async () => {
      try {
        await db.destroy();
      } finally {
        lock?.release();
      }
    },
  };
}
