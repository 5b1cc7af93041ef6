import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AbuseBot, replyAlone, startAbuseBot } from './abuse-bot.js';
import { channelView, type PlaygroundTestUser, repliesTo, sendLine } from './playground-client.js';

/**
 * The kernel time limit this bot is started with (production keeps the runner's 60 s): long enough
 * that the commands sent meanwhile are answered well inside it on a loaded machine, half the runaway.
 */
const TIMEOUT_MS = 6_000;
// Within the 1 GiB working-memory cap but ≈ 27 s on 2 threads (four implementations, warm-up and timed
// runs; float16 MatMul has no fast CPU kernel): 4.5× the limit on the quickest 2-core machine seen. Its
// float32 twin took 4.4 s there, under the limit: a runaway must not depend on the machine being slow.
const RUNAWAY = '/kernel attention seq=2048 heads=12 head_dim=256 dtype=float16';
// 16 query heads at seq 8192 need ≈ 16 GiB: refused before it reaches the kernel process.
const OVERSIZED = '/kernel attention seq=8192 heads=16';
const SMALL_KERNEL = '/kernel attention seq=64 heads=4 kv_heads=2 head_dim=16';
const KVCACHE = '/kvcache llama-70b 128k';
const SPECDEC = '/specdec alpha=0.8 gamma=4';

const user = (id: string): PlaygroundTestUser => ({ id, name: id });
const warm = user('warm'); // starts the kernel process
const rex = user('rex'); // the runaway
const [bob, cy, dee, eve] = [user('bob'), user('cy'), user('dee'), user('eve')]; // answered meanwhile
const fay = user('fay'); // queued behind the runaway

describe('a runaway kernel run through the whole bot (KERNEL_TIMEOUT_MS=6000)', () => {
  let bot: AbuseBot;
  beforeAll(async () => {
    bot = await startAbuseBot({ KERNEL_TIMEOUT_MS: String(TIMEOUT_MS) });
  });
  afterAll(() => bot.stop());

  it('is stopped with a clear reply while others are answered, and the next kernel runs on a fresh process', async () => {
    const { base, kernels } = bot;
    // A first small run starts the kernel process, so the runaway's clock starts at its own send.
    await sendLine(base, 'general', warm, SMALL_KERNEL);
    expect(kernels.calls.map((call) => call.outcome)).toEqual(['ok']);

    const runaway = sendLine(base, 'general', rex, RUNAWAY);
    const runawayCall = await kernels.called(2);
    expect(runawayCall.request.args).toMatchObject({
      seq: '2048',
      heads: '12',
      head_dim: '256',
      dtype: 'float16',
    });

    // While it runs: calculators, /help and an oversized kernel from others, in this and another channel.
    await Promise.all([
      sendLine(base, 'general', bob, KVCACHE),
      sendLine(base, 'ops', cy, SPECDEC),
      sendLine(base, 'general', dee, '/help'),
      sendLine(base, 'ops', eve, OVERSIZED),
    ]);
    expect(runawayCall.outcome).toBe('pending'); // all four were answered while the runaway was in flight
    // A small kernel sent now waits behind the runaway in the runner's queue.
    const queued = sendLine(base, 'ops', fay, SMALL_KERNEL);
    const queuedCall = await kernels.called(4);
    expect(queuedCall.outcome).toBe('pending');

    await Promise.all([runaway, queued]);
    expect(runawayCall.outcome).toBe('kernels/timeout');
    expect(queuedCall.outcome).toBe('ok'); // served by a fresh kernel process after the kill

    // The runaway user, once their bucket refilled (clock moved a minute), runs a kernel again.
    const advanced = await fetch(`${base}/api/dev/advance`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ minutes: 1 }),
    });
    expect(advanced.status).toBe(200);
    await sendLine(base, 'general', rex, SMALL_KERNEL);
    expect(kernels.calls.map((call) => call.outcome)).toEqual([
      'ok',
      'kernels/timeout',
      'kernels/too-large',
      'ok',
      'ok',
    ]);

    const smallKernel =
      /^Kernel attention \(kind=GQA batch=1 seq=64 past=0 heads=4 kv_heads=2 head_dim=16 causal=true dtype=float32\): Fastest: .+ implementations agree with the float64 plain-TS reference/;
    const general = await channelView(base, 'general', rex.id);
    const rexReplies = repliesTo(general, rex.id);
    expect(rexReplies).toHaveLength(2);
    expect(rexReplies[0]).toBe(
      `The attention run took longer than ${TIMEOUT_MS / 1000} s and was stopped.\n` +
        'Example: /kernel attention with smaller sizes, e.g. seq=512',
    );
    expect(general.find((message) => message.text === rexReplies[0])?.visibleTo).toBe(rex.id);
    expect(rexReplies[1]).toMatch(smallKernel);

    expect(repliesTo(general, bob.id)).toEqual([await replyAlone(KVCACHE)]);
    expect(repliesTo(await channelView(base, 'general', dee.id), dee.id)).toEqual([
      await replyAlone('/help'),
    ]);
    const ops = await channelView(base, 'ops', eve.id);
    expect(repliesTo(ops, cy.id)).toEqual([await replyAlone(SPECDEC)]);
    const [oversized] = repliesTo(ops, eve.id);
    expect(oversized).toMatch(
      /^attention at these sizes needs about 16\.\d GiB of working memory; the cap is 1\.0 GiB\./,
    );
    const [queuedReply] = repliesTo(ops, fay.id);
    expect(queuedReply).toMatch(smallKernel);
  }, 60_000);
});
