#!/usr/bin/env node
/**
 * `pnpm bench` for @mlsys/store: answers recorded per second with 1,000 players in one round, on
 * SQLite and on PostgreSQL, as ratios against a plain INSERT loop measured in the same run.
 * Goal (issue 5): ≥ 2,000 answers/s on SQLite with p99 under 20 ms per answer.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import pg from 'pg';
import { sqlStore } from '../create-store.js';
import { openPostgres } from '../postgres/open-postgres.js';
import { migrateToLatest } from '../schema/migrate.js';
import type { Database } from '../schema/tables.js';
import { openSqlite } from '../sqlite/open-sqlite.js';
import { type BenchRow, benchAnswers } from './answers-bench.js';

const PLAYERS = 1_000;
const GOAL_PER_SECOND = 2_000;
const GOAL_P99_MS = 20;
// biome-ignore lint/complexity/useLiteralKeys: process.env is an index signature
const PG_URL = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

function print(engine: string, rows: BenchRow[]): void {
  const base = rows[0]!;
  console.log(`\n${engine}: ${PLAYERS} players answering one round`);
  console.log(
    `  ${'path'.padEnd(48)} ${'answers/s'.padStart(10)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'vs baseline'.padStart(12)}`,
  );
  for (const r of rows) {
    console.log(
      `  ${r.path.padEnd(48)} ${Math.round(r.perSecond).toLocaleString('en-US').padStart(10)} ${r.p50Ms.toFixed(2).padStart(8)} ${r.p99Ms
        .toFixed(2)
        .padStart(8)} ${`${(r.perSecond / base.perSecond).toFixed(2)}x`.padStart(12)}`,
    );
  }
}

/** The store as `createStore` builds it, on a database the bench also reaches directly. */
async function withStore(db: Kysely<Database>, engine: 'sqlite' | 'postgres', schema?: string) {
  await migrateToLatest(db as Kysely<unknown>, schema);
  return sqlStore(db, engine, async () => {});
}

async function sqlite(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'mlsys-bench-'));
  const opened = openSqlite(join(dir, 'bench.db'));
  try {
    const store = await withStore(opened.db, 'sqlite');
    return await benchAnswers(store, opened.db, PLAYERS);
  } finally {
    await opened.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function postgres(): Promise<BenchRow[] | string> {
  const schema = `mlsys_bench_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const admin = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3_000 });
  try {
    await admin.connect();
  } catch (error) {
    return `PostgreSQL at ${PG_URL} did not answer (${(error as Error).message}): not measured.`;
  }
  await admin.query(`CREATE SCHEMA ${schema}`);
  const opened = openPostgres(PG_URL, schema);
  try {
    const store = await withStore(opened.db, 'postgres', schema);
    return await benchAnswers(store, opened.db, PLAYERS);
  } finally {
    await opened.close();
    await admin.query(`DROP SCHEMA ${schema} CASCADE`);
    await admin.end();
  }
}

const [load1] = loadavg();
console.log(
  `Load average when starting: ${load1?.toFixed(1)} on ${availableParallelism()} CPUs; each row is the best of 3 runs.`,
);
const lite = await sqlite();
print('SQLite (better-sqlite3, WAL, synchronous=NORMAL)', lite);
const guarded = lite.find((r) => r.path.startsWith('submitAnswer, one'))!;
const met = guarded.perSecond >= GOAL_PER_SECOND && guarded.p99Ms < GOAL_P99_MS;
console.log(
  `  goal ≥ ${GOAL_PER_SECOND.toLocaleString('en-US')} answers/s with p99 < ${GOAL_P99_MS} ms: ${met ? 'met' : 'NOT met'} ` +
    `(${(guarded.perSecond / GOAL_PER_SECOND).toFixed(1)}x the rate, p99 at ${((guarded.p99Ms / GOAL_P99_MS) * 100).toFixed(0)}% of the bound)`,
);
const pgRows = await postgres();
if (typeof pgRows === 'string') console.log(`\nPostgreSQL: ${pgRows}`);
else print('PostgreSQL (pg pool of 10)', pgRows);
