/**
 * @module @mlsys/store
 * The core's `Store` port over SQLite (better-sqlite3, WAL, one locked file: the embedded default)
 * and PostgreSQL (`pg`, for several bot instances), through one set of Kysely queries and migrations.
 */
export { createStore, type StoreOptions } from './create-store.js';
export { createTemporaryStore } from './create-temporary-store.js';
export { migrateToLatest, migrations } from './schema/migrate.js';
export type { Database } from './schema/tables.js';
export { parseStoreUrl, redactUrl, type StoreLocation } from './store-url.js';
