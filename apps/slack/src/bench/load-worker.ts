/**
 * The load clients of the acknowledgement bench, in a worker thread so they do not share the server's
 * event loop, with the `response_url` endpoint the bot replies to (Slack's side, so not on the bot's
 * thread either): warm-up and its replies, then the timed requests and theirs.
 */
import { Agent, request as httpRequest } from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';
import { commandBody, payloadBody, signedHeaders } from '../testing/signed-request.js';
import { pressButton } from '../testing/slack-buttons.js';
import { type LoadPlan, type LoadRequest, type LoadResult, responsesFor } from './load-plan.js';
import { startResponseSink } from './response-sink.js';

const FORM = 'application/x-www-form-urlencoded';
const plan = workerData as LoadPlan;
const port = parentPort!;
/** One keep-alive connection per client. */
const agent = new Agent({ keepAlive: true, maxSockets: plan.clients });
const sink = await startResponseSink();
/** Replies the sink has waited for so far. */
let expected = 0;

/** Waits (up to 30 s) for the replies of `perClient` requests per client; returns how many are missing. */
function replies(perClient: number): Promise<number> {
  if (!plan.replies) return Promise.resolve(0);
  expected += responsesFor(plan.mix, plan.clients, perClient);
  return sink.drained(expected);
}

/** Posts a signed request and resolves with the status once the whole answer is read. */
function post(body: string): Promise<number> {
  const headers = {
    ...signedHeaders(body, FORM, { secret: plan.secret }),
    'content-length': Buffer.byteLength(body),
  };
  return new Promise((resolve, reject) => {
    const request = httpRequest(plan.url, { method: 'POST', agent, headers }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
    });
    request.on('error', reject);
    request.end(body);
  });
}

function bodyFor(request: LoadRequest, user: string, responseUrl: string): string {
  if (request.kind === 'command') {
    return commandBody({
      command: request.command,
      text: request.text,
      user_id: user,
      user_name: user.toLowerCase(),
      response_url: responseUrl,
    });
  }
  return payloadBody(pressButton(request.button, user, 'C1', responseUrl));
}

async function run(phase: string, perClient: number, latencies?: Record<string, number[]>): Promise<number> {
  let failures = 0;
  await Promise.all(
    Array.from({ length: plan.clients }, async (_, c) => {
      for (let i = 0; i < perClient; i++) {
        const request = plan.mix[(c + i) % plan.mix.length]!;
        const user = `U${c}x${i % plan.usersPerClient}`;
        const body = bodyFor(request, user, sink.url(`load-${phase}-${c}-${i}`));
        const start = performance.now();
        const status = await post(body);
        const took = performance.now() - start;
        if (status !== 200) failures++;
        latencies?.[request.label]?.push(took);
      }
    }),
  );
  return failures;
}

await run('warm', plan.warmupPerClient);
await replies(plan.warmupPerClient);
const latencies: Record<string, number[]> = Object.fromEntries(plan.mix.map((r) => [r.label, []]));
const start = performance.now();
const failures = await run('timed', plan.perClient, latencies);
const elapsedMs = performance.now() - start;
const result: LoadResult = { latencies, elapsedMs, failures, missing: await replies(plan.perClient) };
agent.destroy();
await sink.close();
port.postMessage(result);
