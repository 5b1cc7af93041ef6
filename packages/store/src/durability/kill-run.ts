import { type Random, randomInt, shuffled } from '@mlsys/core';
import { expect } from 'vitest';
import type { WriterJob, WriterReport } from './answer-writer.js';
import { forkWriter } from './writer-process.js';

/** The 1,000 players of the round, `U0000`…`U0999`. */
export const PLAYERS = Array.from({ length: 1_000 }, (_, i) => `U${String(i).padStart(4, '0')}`);
/** Already-acknowledged players each new writer submits again, as a client retrying after a crash would. */
const RETRIES = 40;

/** What the writers reported, over all of them. */
export class Ledger {
  readonly accepted = new Map<string, number>();
  readonly duplicate = new Set<string>();
  readonly other: string[] = [];
  record(report: WriterReport): void {
    if (report.accepted) this.accepted.set(report.userId, (this.accepted.get(report.userId) ?? 0) + 1);
    else if (report.reason === 'duplicate') this.duplicate.add(report.userId);
    else this.other.push(`${report.userId}: ${report.reason}`);
  }
  /** Players the store has answered for, one way or the other. */
  settled(userId: string): boolean {
    return this.accepted.has(userId) || this.duplicate.has(userId);
  }
}

/** How one writer slot went: writers killed, writers that finished, and anything unexpected. */
export interface Run {
  kills: number;
  finished: number;
  problems: string[];
}

/**
 * One writer slot: forks a writer (the next one is forked while this one works, so its start-up
 * overlaps), gives it the players not yet answered for plus some already acknowledged, and SIGKILLs it
 * after a random number of acknowledgements (or a few ms after the job, while it opens the store);
 * `kills` times, then a last writer runs to the end.
 */
export async function runSlot(
  kills: number,
  base: Omit<WriterJob, 'userIds'>,
  ledger: Ledger,
  random: Random,
): Promise<Run> {
  const run: Run = { kills: 0, finished: 0, problems: [] };
  let next = forkWriter();
  for (let life = 0; life <= kills; life++) {
    const writer = next;
    if (life < kills) next = forkWriter();
    const acked = [...ledger.accepted.keys()];
    const retries = shuffled(acked, random).slice(0, RETRIES);
    const userIds = shuffled([...PLAYERS.filter((u) => !ledger.settled(u)), ...retries], random);
    const last = life === kills;
    const killAfter = last ? Number.POSITIVE_INFINITY : randomInt(random, 300) - 30;
    let seen = 0;
    writer.start({ ...base, userIds }, (report) => {
      ledger.record(report);
      if (++seen === killAfter) writer.kill();
    });
    if (killAfter <= 0) setTimeout(() => writer.kill(), -killAfter);
    const end = await writer.exited;
    if (end.signal === 'SIGKILL') run.kills++;
    else if (end.done) run.finished++;
    else run.problems.push(`writer ended with code ${end.code}: ${end.error ?? ''}`);
    if (last && !end.done) run.problems.push('the last writer did not finish');
  }
  return run;
}

/** The checks shared by both engines, given the answer rows of the quiz. */
export function checkLedger(ledger: Ledger, rows: readonly string[], runs: readonly Run[]): void {
  const inDb = new Set(rows);
  const lost = [...ledger.accepted.keys()].filter((u) => !inDb.has(u));
  const twice = [...ledger.accepted].filter(([, n]) => n > 1).map(([u]) => u);
  console.info(
    `kill -9: ${runs.reduce((n, r) => n + r.kills, 0)} writers killed, ${runs.reduce((n, r) => n + r.finished, 0)} finished; ` +
      `${ledger.accepted.size} acknowledged, ${ledger.duplicate.size} answered as duplicates, ${rows.length} rows`,
  );
  expect(runs.flatMap((r) => r.problems)).toEqual([]);
  expect(ledger.other).toEqual([]);
  expect(lost).toEqual([]); // every acknowledged answer survived
  expect(twice).toEqual([]); // no answer was acknowledged twice
  expect(rows.length).toBe(inDb.size); // one row per player
  expect([...inDb].sort()).toEqual(PLAYERS); // every player answered exactly once in the end
  // The run did kill writers mid-stream (rows written but never acknowledged show up as duplicates).
  expect(runs.reduce((n, r) => n + r.kills, 0)).toBeGreaterThan(0);
}
