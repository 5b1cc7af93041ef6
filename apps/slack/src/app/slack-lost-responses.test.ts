import { SAMPLE_QUESTIONS } from '@mlsys/core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import type { FakeCall } from '../testing/fake-slack-api.js';
import { findButton, pressButton, type SlackHarness, startSlackHarness } from '../testing/slack-harness.js';
import { KEYED_POST_EVENT } from './post-once.js';

let harness: SlackHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const keyOf = (call: FakeCall) =>
  (call.params.metadata as { event_type: string; event_payload: { key: string } } | undefined)?.event_payload
    .key;
const postsKeyed = (h: SlackHarness, key: string) =>
  h.api.delivered('chat.postMessage').filter((call) => keyOf(call) === key);
const tsOf = (call: FakeCall) => (call.response as { ts: string }).ts;

describe('Slack posts whose responses are lost after Slack committed them', () => {
  it('posts the daily question and its reveal once each, records the lost message, and takes one answer per retried press', async () => {
    harness = await startSlackHarness(SAMPLE_QUESTIONS);
    const h = harness;
    h.api.admins.add('U5');
    await h.command({ command: '/daily', text: 'subscribe 09:30 tz=UTC', channel_id: 'CD', user_id: 'U5' });

    // Monday 2026-03-02 09:30 UTC: the question is due; Slack commits it, the response never arrives.
    h.api.dropAfterCommit('chat.postMessage');
    h.clock.set(Date.parse('2026-03-02T09:30:00Z'));
    await h.tick();
    await h.tick();
    const questions = postsKeyed(h, 'daily/question/2026-03-02');
    expect(questions).toHaveLength(1);
    expect(questions[0]!.dropped).toBe(true);
    expect(questions[0]!.params.metadata).toEqual({
      event_type: KEYED_POST_EVENT,
      event_payload: { key: 'daily/question/2026-03-02' },
    });
    // The first attempt needed no lookup; after the lost response, one lookup found the message.
    expect(h.api.delivered('conversations.history')).toHaveLength(1);

    // The same press delivered twice (Slack's retry, or the user's double click reaching two instances).
    const press = pressButton(
      findButton(questions[0]!.params.blocks, 'daily:answer'),
      'U1',
      'CD',
      h.api.responseUrl('p1'),
    );
    await h.interact(press);
    await h.interact({ ...press, trigger_id: `${press.trigger_id}-again` });
    const answers = await h.api.waitFor('response', 2);
    const locked = answers.filter((call) => JSON.stringify(call.params).includes('Locked in'));
    const refused = answers.filter((call) => JSON.stringify(call.params).includes('already answered'));
    expect([locked.length, refused.length]).toEqual([1, 1]);

    // The reveal, 8 hours later (the default), is lost the same way: posted once, and the question
    // message it closes is the one Slack committed first (its ts was recorded from the lookup).
    h.api.dropAfterCommit('chat.postMessage');
    h.clock.set(Date.parse('2026-03-02T17:31:00Z'));
    await h.tick();
    await h.tick();
    const reveals = postsKeyed(h, 'daily/reveal/2026-03-02');
    expect(reveals).toHaveLength(1);
    expect(reveals[0]!.dropped).toBe(true);
    const closed = h.api.delivered('chat.update').map((call) => call.params.ts);
    expect(closed).toEqual([tsOf(questions[0]!)]);
    expect(h.api.delivered('conversations.history')).toHaveLength(2);
  });

  it('does not send a charted message again without its images when the response was lost', async () => {
    harness = await startSlackHarness(SAMPLE_QUESTIONS);
    const h = harness;
    const chart = await h.router.dispatch({
      platform: 'slack',
      command: 'kvcache',
      text: 'llama-3.1-8b 128k',
      user: { id: 'U1', name: 'u1', isAdmin: false },
      channel: { id: 'CK' },
      team: { id: 'T1' },
    });
    expect(chart.reply.blocks.some((block) => block.type === 'chart')).toBe(true);
    h.api.dropAfterCommit('chat.postMessage');
    await expect(h.bot.messenger.post({ platform: 'slack', channelId: 'CK' }, chart.reply)).rejects.toThrow(
      /socket hang up|request error/i,
    );
    const posts = h.api.calls.filter((call) => call.method === 'chat.postMessage');
    expect(posts).toHaveLength(1);
    expect(JSON.stringify(posts[0]!.params.blocks)).toContain('slack_file');
  });

  it('does not resend a quiz round whose post response was lost (at most once without a key)', async () => {
    harness = await startSlackHarness(SAMPLE_QUESTIONS.filter((q) => q.kind === 'single'));
    const h = harness;
    const lobby = (await (
      await h.command({
        command: '/quiz',
        text: 'start rounds=1 seconds=20',
        channel_id: 'CQ',
        user_id: 'U1',
      })
    ).json()) as { blocks: unknown[] };
    h.api.dropAfterCommit('chat.postMessage');
    await h.interact(
      pressButton(findButton(lobby.blocks, 'quiz:begin'), 'U1', 'CQ', h.api.responseUrl('begin')),
    );
    const [round] = await h.api.waitFor('chat.postMessage', 1);
    expect(round!.dropped).toBe(true);
    // Give the client every chance to retry on its own: the harness client allows 2 retries of 5 ms.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(h.api.calls.filter((call) => call.method === 'chat.postMessage')).toHaveLength(1);
  });
});
