import { SAMPLE_QUESTIONS } from '@mlsys/core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import type { FakeCall } from '../testing/fake-slack-api.js';
import { findButton, pressButton, type SlackHarness, startSlackHarness } from '../testing/slack-harness.js';

let harness: SlackHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const text = (value: unknown) => JSON.stringify(value);
const hasDailyButtons = (call: FakeCall) => text(call.params.blocks).includes('daily:answer');

/** A view_submission of the command form `view` by `user` with `values`. */
function submission(view: { callback_id: string; private_metadata: string }, user: string, values: unknown) {
  return {
    type: 'view_submission',
    team: { id: 'T1', domain: 'test' },
    user: { id: user, username: user.toLowerCase(), name: user.toLowerCase(), team_id: 'T1' },
    api_app_id: 'A1',
    token: 'legacy',
    trigger_id: `trigger-${user}-${Math.random().toString(36).slice(2)}`,
    view: { id: 'V1', type: 'modal', ...view, state: { values }, hash: 'h' },
  };
}

describe('Slack daily question', () => {
  it('refuses every admin action to a user Slack does not call an admin', async () => {
    harness = await startSlackHarness(SAMPLE_QUESTIONS);
    const h = harness;
    for (const line of ['subscribe 09:30 tz=UTC', 'unsubscribe', 'skip', 'preview']) {
      const body = (await (
        await h.command({ command: '/daily', text: line, channel_id: 'CD', user_id: 'U3' })
      ).json()) as {
        response_type: string;
        text: string;
      };
      expect(body.response_type).toBe('ephemeral');
      expect(body.text).toMatch(/Only a channel admin/);
    }
  });

  it('subscribes through the form (admins only), then posts the question once despite a rate limit, two ticks at once and a retried answer', async () => {
    harness = await startSlackHarness(SAMPLE_QUESTIONS);
    const h = harness;
    // Monday 2026-03-02 09:00 UTC: the subscription's first post is today at 09:30.
    const open = await h.command({ command: '/daily', text: 'subscribe', channel_id: 'CD', user_id: 'U5' });
    expect(await open.text()).toBe('');
    const [opened] = await h.api.waitFor('views.open', 1);
    const view = opened!.params.view as {
      callback_id: string;
      private_metadata: string;
      blocks: { block_id: string }[];
    };
    expect(view.callback_id).toBe('mlsys:command');
    expect(view.blocks.map((b) => b.block_id)).toEqual([
      'time',
      'tz',
      'days',
      'topic',
      'difficulty',
      'reveal',
    ]);

    const values = {
      time: { time: { type: 'plain_text_input', value: '09:30' } },
      tz: { tz: { type: 'plain_text_input', value: 'UTC' } },
      days: { days: { type: 'plain_text_input', value: null } },
    };
    const refused = (await (await h.interact(submission(view, 'U3', values))).json()) as {
      response_action: string;
      errors: Record<string, string>;
    };
    expect(refused.response_action).toBe('errors');
    expect(refused.errors.time).toMatch(/Only a channel admin/);

    h.api.admins.add('U5');
    expect((await h.interact(submission(view, 'U5', values))).status).toBe(200);
    const [subscribed] = await h.api.waitFor('chat.postMessage', 1);
    expect(subscribed!.params.channel).toBe('CD');
    expect(text(subscribed!.params)).toContain('Daily question on');

    h.api.rateLimitNext('chat.postMessage', 0);
    h.clock.set(Date.parse('2026-03-02T09:30:00Z'));
    await Promise.all([h.tick(), h.tick()]);
    await h.tick();
    const posts = h.api.delivered('chat.postMessage').filter(hasDailyButtons);
    expect(posts).toHaveLength(1);
    expect(h.api.calls.some((call) => call.method === 'chat.postMessage' && call.status === 429)).toBe(true);

    const press = pressButton(
      findButton(posts[0]!.params.blocks, 'daily:answer'),
      'U1',
      'CD',
      h.api.responseUrl('d1'),
    );
    await h.interact(press);
    await h.interact(press, { retryNum: 1 });
    const [answer] = await h.api.waitFor('response', 1);
    expect(text(answer!.params)).toMatch(/Locked in/);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(h.api.delivered('response').filter((call) => call.path === '/response/d1')).toHaveLength(1);

    // A second press (a new click, new trigger id) is refused by the store: one answer each.
    await h.interact(
      pressButton(findButton(posts[0]!.params.blocks, 'daily:answer'), 'U1', 'CD', h.api.responseUrl('d2')),
    );
    const [, again] = await h.api.waitFor('response', 2);
    expect(text(again!.params)).toMatch(/already answered/);
  });
});
