import { createSeededRandom } from '@mlsys/core';
import { openRound, T0 } from '@mlsys/core/testing';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { postgresHarness, TEST_DATABASE_URL } from '../testing/harnesses.js';
import { checkLedger, Ledger, PLAYERS, runSlot } from './kill-run.js';

describe('PostgreSQL writers killed with SIGKILL while 1,000 players answer one round', () => {
  it('PostgreSQL: two writers at once, each killed and restarted, lose and duplicate nothing', async () => {
    const harness = await postgresHarness();
    const setup = await harness.open();
    const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await client.connect();
    try {
      const quiz = await openRound(setup, PLAYERS);
      const ledger = new Ledger();
      const base = {
        url: TEST_DATABASE_URL,
        schema: harness.schema,
        quizId: quiz.id,
        at: T0 + 1,
        concurrency: 4,
      };
      const runs = await Promise.all(
        [71, 72].map((seed) => runSlot(2, base, ledger, createSeededRandom(seed))),
      );
      const { rows } = await client.query<{ user_id: string }>(
        `SELECT user_id FROM "${harness.schema}".quiz_answers WHERE quiz_id = $1 AND round = 1`,
        [quiz.id],
      );
      const dupes = await client.query(
        `SELECT quiz_id, round, user_id FROM "${harness.schema}".quiz_answers GROUP BY 1, 2, 3 HAVING count(*) > 1`,
      );
      expect(dupes.rows).toEqual([]);
      checkLedger(
        ledger,
        rows.map((r) => r.user_id),
        runs,
      );
    } finally {
      await client.end();
      await setup.close();
      await harness.cleanup();
    }
  }, 120_000);
});
