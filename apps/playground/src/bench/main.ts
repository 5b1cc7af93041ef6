import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { percentile } from '@mlsys/core';
import { startBot } from '../start-bot.js';
import { othersUnderFlood } from './flood-bench.js';

/**
 * The playground's figures: time from sending a command to its reply arriving over server-sent
 * events (against a plain HTTP round trip to the same server), and cold start of the bot process to
 * ready (against starting Node itself), and other users' reply times while one user floods `/kernel`
 * (against the same commands with no flood).
 */
const RUNS = 40;

function summary(times: number[]): string {
  const sorted = [...times].sort((a, b) => a - b);
  return `p50 ${percentile(sorted, 0.5).toFixed(2)} ms  p95 ${percentile(sorted, 0.95).toFixed(2)} ms`;
}

async function timeToFirstReply(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'mlsys-bench-'));
  // Rate limits off: the bench sends one user's commands back to back on purpose.
  const bot = await startBot({ PORT: '0', DATA_DIR: dataDir, RATE_LIMIT: 'off' });
  const base = `http://127.0.0.1:${bot.port}`;
  const user = { id: 'bench', name: 'bench' };
  const controller = new AbortController();
  const events = await fetch(`${base}/api/events?channel=bench&user=bench`, { signal: controller.signal });
  const reader = events.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const nextReply = async () => {
    for (;;) {
      const end = buffer.indexOf('\n\n');
      if (end >= 0) {
        const event = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (event.startsWith('event: message') && event.includes('"bot":true')) return;
        continue;
      }
      buffer += decoder.decode((await reader.read()).value);
    }
  };
  const roundTrips: number[] = [];
  const replies: number[] = [];
  for (let i = 0; i < RUNS + 5; i++) {
    let start = performance.now();
    await (await fetch(`${base}/healthz`)).arrayBuffer();
    const roundTrip = performance.now() - start;
    start = performance.now();
    await fetch(`${base}/api/command`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ channel: 'bench', user, text: '/kvcache llama-70b 128k' }),
    });
    await nextReply();
    const reply = performance.now() - start;
    if (i >= 5) {
      roundTrips.push(roundTrip);
      replies.push(reply);
    }
  }
  controller.abort();
  await bot.stop();
  rmSync(dataDir, { recursive: true, force: true });
  const p50 = (xs: number[]) =>
    percentile(
      [...xs].sort((a, b) => a - b),
      0.5,
    );
  console.log(`time to first reply, /kvcache llama-70b 128k with its chart, ${RUNS} runs over HTTP + SSE`);
  console.log(`  baseline (GET /healthz round trip)  ${summary(roundTrips)}`);
  console.log(
    `  command → reply on the page         ${summary(replies)}  (${(p50(replies) / p50(roundTrips)).toFixed(1)}× baseline p50)`,
  );
}

async function coldStart(): Promise<void> {
  const main = new URL('../main.js', import.meta.url).pathname;
  const nodeOnly: number[] = [];
  const bot: number[] = [];
  for (let i = 0; i < 5; i++) {
    let start = performance.now();
    spawnSync(process.execPath, ['-e', '']);
    nodeOnly.push(performance.now() - start);
    const dataDir = mkdtempSync(join(tmpdir(), 'mlsys-bench-'));
    start = performance.now();
    const child = spawn(process.execPath, [main], {
      env: { ...process.env, PORT: '0', DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('mlsys-bot on http')) resolve();
      });
      child.once('exit', (code) => reject(new Error(`the bot exited with ${code} before it was ready`)));
    });
    bot.push(performance.now() - start);
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    rmSync(dataDir, { recursive: true, force: true });
  }
  const p50 = (xs: number[]) =>
    percentile(
      [...xs].sort((a, b) => a - b),
      0.5,
    );
  console.log(
    '\ncold start to ready (process start → playground listening, SQLite migrated, corpus loaded), 5 runs',
  );
  console.log(`  baseline (node -e "")  ${summary(nodeOnly)}`);
  console.log(
    `  bot                    ${summary(bot)}  (${(p50(bot) / p50(nodeOnly)).toFixed(1)}× baseline p50)`,
  );
}

await timeToFirstReply();
await coldStart();
await othersUnderFlood();
