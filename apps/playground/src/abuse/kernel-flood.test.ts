import { DEFAULT_RATE_LIMITS } from '@mlsys/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AbuseBot, costOf, FROZEN_AT, replyAlone, startAbuseBot } from './abuse-bot.js';
import { channelView, type PlaygroundTestUser, repliesTo, sendLine } from './playground-client.js';

const FLOOD = 200;
const FLOOD_LINE = '/kernel attention seq=256 heads=8 kv_heads=2 head_dim=64';
const SMALL_KERNEL = '/kernel attention seq=64 heads=4 kv_heads=2 head_dim=16';
// Llama-3.1-70B: 80 layers, 8 KV heads, head_dim 128 (Meta's config.json) → 2·80·8·128·2 B × 131,072 tokens.
const KVCACHE = '/kvcache llama-70b 128k';
// Leviathan et al. 2023, eq. 1: (1 − α^(γ+1)) / (1 − α) = (1 − 0.8⁵) / 0.2 = 3.3616 tokens per target pass.
const SPECDEC = '/specdec alpha=0.8 gamma=4';

const user = (id: string): PlaygroundTestUser => ({ id, name: id });
const flooder = user('flooder');
const ada = user('ada'); // same channel as the flooder, one small kernel
const bob = user('bob'); // same channel, calculators
const cy = user('cy'); // another channel, one small kernel
const dee = user('dee'); // another channel, calculators

describe('one user flooding /kernel through the whole bot (rate limits on, clock frozen)', () => {
  let bot: AbuseBot;
  beforeAll(async () => {
    bot = await startAbuseBot();
  });
  afterAll(() => bot.stop());

  it('limits the flooder to its burst, answers everyone else in full, and runs only the allowed kernels', async () => {
    const { user: perUser, channel: perChannel } = DEFAULT_RATE_LIMITS;
    // What one command takes from each bucket (the limiter clamps a cost to the bucket's size).
    const take = (line: string, limit: { capacity: number }) => Math.min(costOf(line), limit.capacity);
    const floodCost = take(FLOOD_LINE, perUser);
    const flooderRuns = Math.floor(perUser.capacity / floodCost);
    // Bob spends exactly what the flooder and Ada leave of the general channel's bucket, capped by his own:
    // a refused flood request must spend nothing, or Bob's last lines would be refused.
    const channelLeft =
      perChannel.capacity - flooderRuns * take(FLOOD_LINE, perChannel) - take(SMALL_KERNEL, perChannel);
    const bobLines = Math.min(channelLeft, perUser.capacity) / costOf(KVCACHE);
    const deeLines = perUser.capacity / costOf(KVCACHE);
    expect([costOf(KVCACHE), costOf(SPECDEC)]).toEqual([1, 1]);
    expect(flooderRuns).toBeGreaterThanOrEqual(1);
    expect(bobLines).toBeGreaterThanOrEqual(1);
    expect(Number.isInteger(bobLines) && Number.isInteger(deeLines)).toBe(true);

    const calculators = (n: number) => Array.from({ length: n }, (_, i) => (i % 2 === 0 ? KVCACHE : SPECDEC));
    const sends = [
      ...Array.from({ length: FLOOD }, () => sendLine(bot.base, 'general', flooder, FLOOD_LINE)),
      sendLine(bot.base, 'general', ada, SMALL_KERNEL),
      ...calculators(bobLines).map((line) => sendLine(bot.base, 'general', bob, line)),
      sendLine(bot.base, 'ops', cy, SMALL_KERNEL),
      ...calculators(deeLines).map((line) => sendLine(bot.base, 'ops', dee, line)),
    ];
    await Promise.all(sends);

    // The flooder: exactly the burst, then one clear ephemeral refusal per extra request.
    const retrySeconds = Math.ceil(floodCost / perUser.refillPerSecond);
    const retryAt = new Date(FROZEN_AT + retrySeconds * 1000).toISOString().slice(11, 19);
    const refusal = `You are sending commands faster than I answer them: try again in ${retrySeconds} s (at ${retryAt} UTC).`;
    const flooderView = await channelView(bot.base, 'general', flooder.id);
    const flooderReplies = repliesTo(flooderView, flooder.id);
    expect(flooderReplies).toHaveLength(FLOOD);
    expect(flooderReplies.filter((text) => text === refusal)).toHaveLength(FLOOD - flooderRuns);
    const flooderResults = flooderReplies.filter((text) => text !== refusal);
    expect(flooderResults).toHaveLength(flooderRuns);
    for (const text of flooderResults) {
      expect(text).toMatch(
        /^Kernel attention \(kind=GQA batch=1 seq=256 past=0 heads=8 kv_heads=2 head_dim=64 /,
      );
    }
    const refusalsShown = flooderView.filter((message) => message.text === refusal);
    expect(refusalsShown.every((message) => message.visibleTo === flooder.id)).toBe(true);
    expect(repliesTo(await channelView(bot.base, 'general', bob.id), flooder.id)).toHaveLength(flooderRuns);

    // Everyone else: every line answered with the same result it gets alone, none refused or failed.
    const smallKernel =
      /^Kernel attention \(kind=GQA batch=1 seq=64 past=0 heads=4 kv_heads=2 head_dim=16 causal=true dtype=float32\): Fastest: .+ implementations agree with the float64 plain-TS reference/;
    const kvcache = await replyAlone(KVCACHE);
    const specdec = await replyAlone(SPECDEC);
    expect(kvcache).toContain('40.0 GiB');
    expect(specdec).toContain('3.362 tokens per target pass');
    // Lines sent at once may be served in any order: compare the replies as a multiset.
    const expectCalculators = (replies: string[], n: number) =>
      expect([...replies].sort()).toEqual(
        calculators(n)
          .map((line) => (line === KVCACHE ? kvcache : specdec))
          .sort(),
      );

    const adaReplies = repliesTo(await channelView(bot.base, 'general', ada.id), ada.id);
    expect(adaReplies).toHaveLength(1);
    expect(adaReplies[0]).toMatch(smallKernel);
    const bobReplies = repliesTo(await channelView(bot.base, 'general', bob.id), bob.id);
    expectCalculators(bobReplies, bobLines);
    const opsView = await channelView(bot.base, 'ops', dee.id);
    const cyReplies = repliesTo(opsView, cy.id);
    expect(cyReplies).toHaveLength(1);
    expect(cyReplies[0]).toMatch(smallKernel);
    expectCalculators(repliesTo(opsView, dee.id), deeLines);

    // The kernel process ran only the allowed runs (two small ones and the flooder's burst), all fine.
    expect(bot.kernels.calls.map((call) => call.outcome)).toEqual(Array(flooderRuns + 2).fill('ok'));
    expect(bot.kernels.calls.filter((call) => call.request.args.seq === '256')).toHaveLength(flooderRuns);

    // And the process keeps serving.
    expect((await fetch(`${bot.base}/healthz`)).status).toBe(200);
    await sendLine(bot.base, 'after', user('eve'), KVCACHE);
    expect(repliesTo(await channelView(bot.base, 'after', 'eve'), 'eve')).toEqual([kvcache]);
  }, 60_000);
});
