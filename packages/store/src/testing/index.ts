/**
 * @module @mlsys/store/testing
 * Test helpers (source only, never built): fresh SQLite files and PostgreSQL schemas for tests, on
 * the server at `DATABASE_URL` (default `postgres://postgres@127.0.0.1:5432/test`).
 */
export { postgresHarness, sqliteHarness, TEST_DATABASE_URL } from './harnesses.js';
