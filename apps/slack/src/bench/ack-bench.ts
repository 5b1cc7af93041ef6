import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Worker } from 'node:worker_threads';
import type { Invocation, Router } from '@mlsys/core';
import { hasChart } from '../app/slack-charts.js';
import { replyToBlockKit } from '../render/reply-to-block-kit.js';
import type { FakeSlackApi } from '../testing/fake-slack-api.js';
import { TEST_SIGNING_SECRET } from '../testing/serve-slack-bot.js';
import { findButton } from '../testing/slack-buttons.js';
import { type BotErrors, serveBenchBot } from './bench-bot.js';
import type { LoadPlan, LoadRequest, LoadResult } from './load-plan.js';
import { latencyOf, ms } from './stats.js';

const CLIENTS = 50;
const USERS_PER_CLIENT = 4;
const TIMED_PER_CLIENT = 12;
/** Issue 8: Slack receiver acknowledgements under 50 concurrent connections, p99 < 100 ms. */
const GOAL_P99_MS = 100;

const invocation = (command: string, text: string): Invocation => ({
  platform: 'slack',
  command,
  text,
  user: { id: 'UBENCH', name: 'bench', isAdmin: false },
  channel: { id: 'C1' },
  team: { id: 'T1' },
});

/** A command of the mix; whether it answers through the response_url is read from its real reply. */
async function command(router: Router, name: string, text: string): Promise<LoadRequest> {
  const { reply } = await router.dispatch(invocation(name, text));
  const chart = hasChart(reply);
  const path = chart ? 'chart, reply via response_url' : 'reply in the ack';
  return { kind: 'command', label: `/${name} ${text} (${path})`, command: `/${name}`, text, responds: chart };
}

/** An answer button of a `/question` reply with choices, as the Slack app renders it. */
async function answerButton(router: Router): Promise<LoadRequest> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const { blocks } = replyToBlockKit((await router.dispatch(invocation('question', ''))).reply);
    const button = blocks.length > 0 && JSON.stringify(blocks).includes('"question:answer');
    if (button) {
      return {
        kind: 'button',
        label: '/question answer button (reply via response_url)',
        button: findButton(blocks, 'question:answer'),
        responds: true,
      };
    }
  }
  throw new Error('no /question reply with an answer button in 200 draws');
}

/** Runs the load worker: its warm-up (and the replies of it), then the timed requests. */
function runLoad(plan: LoadPlan): Promise<LoadResult> {
  const worker = new Worker(new URL('./load-worker.js', import.meta.url), { workerData: plan });
  return new Promise((resolve, reject) => {
    worker.on('error', reject);
    worker.on('exit', (code) => reject(new Error(`the load worker exited (code ${code}) before reporting`)));
    worker.on('message', (result: LoadResult) => {
      resolve(result);
      void worker.terminate();
    });
  });
}

/** A bare node:http server that reads each request and answers 200: the floor of an HTTP ack here. */
async function startBareServer(): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => response.writeHead(200).end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const row = (label: string, samples: number[], perSecond?: number) => {
  const t = latencyOf(samples);
  const throughput = perSecond === undefined ? '' : `  ${perSecond.toFixed(0).padStart(6)} req/s`;
  return `${label.padEnd(72)}p50 ${ms(t.p50).padStart(9)}  p95 ${ms(t.p95).padStart(9)}  p99 ${ms(t.p99).padStart(9)}${throughput}`;
};

const all = (result: LoadResult) => Object.values(result.latencies).flat();
const rate = (result: LoadResult) => (all(result).length / result.elapsedMs) * 1000;

/**
 * Acknowledgement time (request sent → HTTP 200 read) of Bolt's HTTP receiver under 50 concurrent
 * keep-alive connections sending signed slash commands and button presses, next to a bare node:http
 * server answering the same requests on the same connections. Two mixes: commands answered in the
 * ack plus buttons, then the same with `/kvcache` added, whose chart is rendered on the same event
 * loop after its ack.
 */
export async function ackBench(api: FakeSlackApi, errors: BotErrors): Promise<void> {
  const served = await serveBenchBot(api, errors);
  const kvcache = await command(served.router, 'kvcache', 'llama-70b 128k');
  const moe = await command(served.router, 'moe', 'mixtral-8x7b');
  const button = await answerButton(served.router);
  const plan = (mix: LoadRequest[]): Omit<LoadPlan, 'url'> => ({
    secret: TEST_SIGNING_SECRET,
    clients: CLIENTS,
    warmupPerClient: USERS_PER_CLIENT,
    perClient: TIMED_PER_CLIENT,
    usersPerClient: USERS_PER_CLIENT,
    mix,
    replies: true,
  });
  const bare = await startBareServer();
  const baseline = await runLoad({ ...plan([kvcache, moe, button]), url: bare.url, replies: false });
  await bare.close();
  const workloads = [
    { name: 'no chart in the mix', result: await runLoad({ ...plan([moe, button]), url: served.eventsUrl }) },
    {
      name: 'with /kvcache (its chart rendered after the ack)',
      result: await runLoad({ ...plan([kvcache, moe, button]), url: served.eventsUrl }),
    },
  ];
  await served.close();

  const baseP99 = latencyOf(all(baseline)).p99;
  console.log(
    `Slack acknowledgements (request → HTTP 200): ${CLIENTS} concurrent keep-alive connections, each sending its next request when the previous is acknowledged (a closed loop: mean latency ≈ ${CLIENTS} / throughput); per mix ${CLIENTS * TIMED_PER_CLIENT} timed requests after ${CLIENTS * USERS_PER_CLIENT} warm-up requests (one per user id: ${CLIENTS * USERS_PER_CLIENT} ids, admin lookups cached); rate limiting off; goal p99 < ${GOAL_P99_MS} ms`,
  );
  console.log(row('  baseline: bare node:http server answering 200', all(baseline), rate(baseline)));
  let failures = baseline.failures;
  let missing = 0;
  for (const { name, result } of workloads) {
    const p99 = latencyOf(all(result)).p99;
    const verdict = `${(p99 / baseP99).toFixed(1)}× baseline p99  goal ${p99 < GOAL_P99_MS ? 'met' : 'MISSED'}`;
    console.log(`${row(`  Bolt HTTP receiver, ${name}`, all(result), rate(result))}  ${verdict}`);
    for (const label of Object.keys(result.latencies)) {
      console.log(row(`    ${label}`, result.latencies[label]!));
    }
    failures += result.failures;
    missing += result.missing;
  }
  if (failures > 0) console.log(`  ${failures} answers were not HTTP 200`);
  if (missing > 0) console.log(`  ${missing} replies never reached their response_url (30 s wait)`);
}
