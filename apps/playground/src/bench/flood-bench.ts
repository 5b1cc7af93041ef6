import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { percentile } from '@mlsys/core';
import { type PlaygroundTestUser, sendLine } from '../abuse/playground-client.js';
import { startBot } from '../start-bot.js';

/** Users measured per phase, each in a channel shared with one other (rate limits on, as in production). */
const USERS = 16;
/** Commands each measured user sends: half the per-user burst of 10, so none is ever limited. */
const LINES_PER_USER = 5;
/** Flood requests kept in flight at once by the flooding user. */
const FLOOD_IN_FLIGHT = 16;
const LINE = '/kvcache llama-70b 128k';
const FLOOD_LINE = '/kernel attention seq=256 heads=8 kv_heads=2 head_dim=64';
const SMALL_KERNEL = '/kernel attention seq=64 heads=4 kv_heads=2 head_dim=16';

/** Sends every measured line one after another; returns each command → reply-posted time, ms. */
async function measure(base: string, phase: string): Promise<number[]> {
  const times: number[] = [];
  for (let round = 0; round < LINES_PER_USER; round++) {
    for (let i = 0; i < USERS; i++) {
      const user: PlaygroundTestUser = { id: `${phase}-${i}`, name: `${phase} ${i}` };
      const start = performance.now();
      await sendLine(base, `${phase}-${Math.floor(i / 2)}`, user, LINE);
      times.push(performance.now() - start);
    }
  }
  return times;
}

/**
 * The flooding user, on its own thread (as a real flooder is another machine: its client work must not
 * slow the measured users' client): `FLOOD_IN_FLIGHT` loops each posting {@link FLOOD_LINE} as soon as
 * the previous one was answered. `flooding` resolves once the loops are under way; `stop()` resolves
 * with the number of flood requests sent.
 */
function startFlood(base: string): { flooding: Promise<void>; stop(): Promise<number> } {
  const body = JSON.stringify({
    channel: 'busy-0',
    user: { id: 'flooder', name: 'flooder' },
    text: FLOOD_LINE,
  });
  const worker = new Worker(
    `const { parentPort, workerData } = require('node:worker_threads');
    let running = true;
    let sent = 0;
    parentPort.once('message', () => { running = false; });
    const loop = async () => {
      while (running) {
        if (++sent === workerData.inFlight * 2) parentPort.postMessage('flooding');
        const response = await fetch(workerData.url, {
          method: 'POST', headers: { 'content-type': 'application/json' }, body: workerData.body,
        });
        await response.arrayBuffer();
      }
    };
    Promise.all(Array.from({ length: workerData.inFlight }, loop)).then(() => parentPort.postMessage(sent));`,
    { eval: true, workerData: { url: `${base}/api/command`, body, inFlight: FLOOD_IN_FLIGHT } },
  );
  const flooding = new Promise<void>((resolve, reject) => {
    worker.once('message', () => resolve());
    worker.once('error', reject);
  });
  const done = flooding.then(
    () =>
      new Promise<number>((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
      }),
  );
  return {
    flooding,
    stop: async () => {
      worker.postMessage('stop');
      const sent = await done;
      await worker.terminate();
      return sent;
    },
  };
}

/**
 * Other users' reply times while one user floods `/kernel` in their channel, against the same
 * commands with no flood, measured in one run on one bot. Prints p50 and p99 and the ratios.
 */
export async function othersUnderFlood(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'mlsys-bench-'));
  const bot = await startBot({ PORT: '0', DATA_DIR: dataDir, RATE_LIMIT: 'on' });
  const base = `http://127.0.0.1:${bot.port}`;
  // JIT, caches and the kernel process warm before either phase is timed.
  await sendLine(base, 'warm', { id: 'warm', name: 'warm' }, SMALL_KERNEL);
  await measure(base, 'warm');
  const quiet = await measure(base, 'quiet');
  const flood = startFlood(base);
  await flood.flooding;
  const busy = await measure(base, 'busy');
  const floodSent = await flood.stop();
  await bot.stop();
  rmSync(dataDir, { recursive: true, force: true });

  const p = (times: number[], q: number) =>
    percentile(
      [...times].sort((a, b) => a - b),
      q,
    );
  const row = (label: string, times: number[]) =>
    `  ${label}  p50 ${p(times, 0.5).toFixed(2)} ms  p99 ${p(times, 0.99).toFixed(2)} ms`;
  console.log(
    `\nothers while one user floods ${FLOOD_LINE} (${FLOOD_IN_FLIGHT} in flight, rate limits on), ` +
      `${USERS * LINES_PER_USER} × ${LINE} from ${USERS} other users`,
  );
  console.log(row('baseline (no flood)        ', quiet));
  console.log(
    `${row('during the flood           ', busy)}  (${(p(busy, 0.5) / p(quiet, 0.5)).toFixed(1)}× p50, ` +
      `${(p(busy, 0.99) / p(quiet, 0.99)).toFixed(1)}× p99; ${floodSent} flood requests sent meanwhile)`,
  );
}
