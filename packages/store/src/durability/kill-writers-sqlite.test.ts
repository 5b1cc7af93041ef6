import { createSeededRandom } from '@mlsys/core';
import { openRound, T0 } from '@mlsys/core/testing';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { sqliteHarness } from '../testing/harnesses.js';
import { checkLedger, Ledger, PLAYERS, runSlot } from './kill-run.js';

describe('SQLite writers killed with SIGKILL while 1,000 players answer one round', () => {
  it('SQLite: loses no acknowledged answer, accepts none twice, and stays intact', async () => {
    const harness = await sqliteHarness();
    const setup = await harness.open();
    const quiz = await openRound(setup, PLAYERS);
    await setup.close(); // one process at a time holds the file
    const ledger = new Ledger();
    const base = { url: `sqlite:${harness.path}`, quizId: quiz.id, at: T0 + 1, concurrency: 4 };
    const run = await runSlot(4, base, ledger, createSeededRandom(91));
    const db = new BetterSqlite3(harness.path, { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const rows = db
        .prepare('SELECT user_id FROM quiz_answers WHERE quiz_id = ? AND round = 1')
        .pluck()
        .all(quiz.id) as string[];
      checkLedger(ledger, rows, [run]);
    } finally {
      db.close();
      await harness.cleanup();
    }
  }, 120_000);
});
