import { SAMPLE_QUESTIONS } from '@mlsys/core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { findButton, pressButton, type SlackHarness, startSlackHarness } from '../testing/slack-harness.js';

const choiceQuestion = SAMPLE_QUESTIONS.find((q) => q.id === 'kv-cache-llama31-70b-kv-heads')!;
const numericQuestion = SAMPLE_QUESTIONS.find((q) => q.id === 'kv-cache-llama31-8b-bytes-per-token')!;

let harness: SlackHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const now = () => Math.floor(Date.now() / 1000);
const texts = (value: unknown) => JSON.stringify(value);

describe('Slack app over Bolt’s HTTP receiver', () => {
  it.each([
    ['forged (signed with another secret)', { forgedWith: 'not-the-secret' }],
    ['stale (timestamp 301 s old)', { offsetSeconds: -301 }],
    ['future (timestamp 301 s ahead)', { offsetSeconds: 301 }],
    ['unsigned', { unsigned: true }],
  ])('refuses a %s request with 401 and does nothing', async (_name, signing) => {
    harness = await startSlackHarness([choiceQuestion]);
    const response = await harness.command({ command: '/specdec', text: 'alpha=0.8 gamma=4' }, signing);
    expect(response.status).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, 50));
    // Bolt checks its token with auth.test when it starts; nothing else may reach the Web API.
    expect(harness.api.calls.filter((call) => call.method !== 'auth.test')).toEqual([]);
  });

  it('answers a slash command in the acknowledgement (Mixtral-8x7B, Mistral AI 2023)', async () => {
    harness = await startSlackHarness([choiceQuestion]);
    const response = await harness.command({ command: '/moe', text: 'mixtral-8x7b' });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { response_type: string; text: string; blocks: unknown[] };
    // 46.7B parameters in total, 12.9B active per token ("Mixtral of experts", Mistral AI, 2023).
    expect(texts(body)).toContain('46.7');
    expect(texts(body)).toContain('12.9');
    expect(body.response_type).toBe('in_channel');
  });

  it('acknowledges a charted command at once and answers through response_url (speculative decoding)', async () => {
    harness = await startSlackHarness([choiceQuestion]);
    const response = await harness.command({ command: '/specdec', text: 'alpha=0.8 gamma=4' });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
    const [reply] = await harness.api.waitFor('response', 1, 15_000);
    // E[tokens per target pass] = (1 − α^(γ+1)) / (1 − α) = (1 − 0.8^5) / 0.2 = 3.3616 (Leviathan et al. 2023, eq. 1).
    expect(texts(reply!.params.blocks)).toContain('3.36');
    expect(reply!.params.response_type).toBe('in_channel');
  });

  it('names a wrong command with a suggestion, ephemerally', async () => {
    harness = await startSlackHarness([choiceQuestion]);
    const response = await harness.command({ command: '/kvcache', text: 'lama-70b 128k' });
    const body = (await response.json()) as { response_type: string; text: string };
    expect(body.response_type).toBe('ephemeral');
    expect(body.text).toMatch(/lama-70b/);
  });

  it('drops a retried delivery of the same command (same trigger_id)', async () => {
    harness = await startSlackHarness([choiceQuestion]);
    const fields = {
      command: '/quiz',
      text: 'start rounds=1',
      channel_id: 'C7',
      trigger_id: 'trigger-fixed',
    };
    const first = (await (await harness.command(fields)).json()) as { blocks: unknown[] };
    expect(texts(first.blocks)).toContain('Quiz lobby');
    const retry = await harness.command(fields, { retryNum: 1 });
    expect(retry.status).toBe(200);
    expect(await retry.text()).toBe('');
    const status = (await (
      await harness.command({ command: '/quiz', text: 'status', channel_id: 'C7' })
    ).json()) as {
      text: string;
    };
    expect(status.text).toMatch(/1 player|players: 1|Players \(1\)/i);
  });

  it('plays a quiz through buttons: join, start, answer, podium', async () => {
    harness = await startSlackHarness([choiceQuestion]);
    const h = harness;
    const lobby = (await (
      await h.command({
        command: '/quiz',
        text: 'start rounds=1 seconds=20',
        channel_id: 'CQ',
        user_id: 'U1',
      })
    ).json()) as { response_type: string; blocks: unknown[] };
    expect(lobby.response_type).toBe('in_channel');

    const join = await h.interact(
      pressButton(findButton(lobby.blocks, 'quiz:join'), 'U2', 'CQ', h.api.responseUrl('join')),
    );
    expect(join.status).toBe(200);
    const [joined] = await h.api.waitFor('response', 1);
    expect(texts(joined!.params)).toMatch(/joined/i);

    await h.interact(
      pressButton(findButton(lobby.blocks, 'quiz:begin'), 'U1', 'CQ', h.api.responseUrl('begin')),
    );
    const [question] = await h.api.waitFor('chat.postMessage', 1);
    expect(question!.params.channel).toBe('CQ');
    expect(texts(question!.params.blocks)).toContain('Llama-3.1-70B');
    // When the round closes, in each reader's own time zone (Slack date formatting).
    expect(texts(question!.params.blocks)).toMatch(
      /Closes at <!date\^\d+\^\{time_secs\}\|\d\d:\d\d:\d\d UTC>/,
    );

    // The right choice is "8"; its button label starts with its letter.
    const buttons = (
      question!.params.blocks as {
        type: string;
        elements?: { action_id: string; value: string; text: { text: string } }[];
      }[]
    ).flatMap((block) => block.elements ?? []);
    const right = buttons.find((b) => b.text.text.endsWith('. 8'))!;
    const wrong = buttons.find((b) => !b.text.text.endsWith('. 8'))!;
    await h.interact(pressButton(right, 'U1', 'CQ', h.api.responseUrl('a1')));
    await h.interact(pressButton(wrong, 'U2', 'CQ', h.api.responseUrl('a2')));
    const responses = await h.api.waitFor('response', 4);
    const lockedIn = responses.filter((call) => call.path === '/response/a1' || call.path === '/response/a2');
    expect(lockedIn).toHaveLength(2);
    for (const call of lockedIn) {
      expect(call.params.response_type).toBe('ephemeral');
      expect(texts(call.params)).toMatch(/locked in/i);
      // Nothing in the acknowledgement says right or wrong.
      expect(texts(call.params)).not.toMatch(/correct|wrong/i);
    }

    // Everyone answered: the round closes at the next tick, then the podium follows.
    for (let i = 0; i < 4; i++) {
      h.clock.advance(30_000);
      await h.tick();
    }
    const posts = h.api.delivered('chat.postMessage');
    const last = texts(posts.at(-1)!.params);
    expect(last).toMatch(/ada|u1/i);
    expect(posts.length).toBeGreaterThanOrEqual(2);
  });

  it('takes a numeric answer through a modal (view_submission), and shows a bad number on the form', async () => {
    harness = await startSlackHarness([numericQuestion]);
    const h = harness;
    await h.command({ command: '/quiz', text: 'start rounds=1', channel_id: 'CN', user_id: 'U1' });
    await h.command({ command: '/quiz', text: 'start', channel_id: 'CN', user_id: 'U1' });
    const [question] = await h.api.waitFor('chat.postMessage', 1);
    const prompt = findButton(question!.params.blocks, '?quiz:numeric');

    await h.interact(pressButton(prompt, 'U1', 'CN', h.api.responseUrl('p')));
    const [opened] = await h.api.waitFor('views.open', 1);
    const view = opened!.params.view as {
      callback_id: string;
      private_metadata: string;
      title: { text: string };
    };
    expect(view.callback_id).toBe('mlsys:prompt');
    expect(view.title.text.length).toBeLessThanOrEqual(24);

    const submission = (value: string) => ({
      type: 'view_submission',
      team: { id: 'T1', domain: 'test' },
      user: { id: 'U1', username: 'ada', name: 'ada', team_id: 'T1' },
      api_app_id: 'A1',
      token: 'legacy',
      trigger_id: `trigger-${value}`,
      view: {
        id: 'V1',
        type: 'modal',
        callback_id: view.callback_id,
        private_metadata: view.private_metadata,
        state: { values: { answer: { answer: { type: 'plain_text_input', value } } } },
        hash: 'h',
      },
    });
    const bad = await h.interact(submission('lots'));
    const badBody = (await bad.json()) as { response_action: string; errors: Record<string, string> };
    expect(badBody.response_action).toBe('errors');
    expect(badBody.errors.answer).toMatch(/not a number/);

    const good = await h.interact(submission('128'));
    expect(good.status).toBe(200);
    const [ephemeral] = await h.api.waitFor('chat.postEphemeral', 1);
    expect(ephemeral!.params.user).toBe('U1');
    expect(ephemeral!.params.channel).toBe('CN');
    expect(texts(ephemeral!.params)).toMatch(/locked in/i);
  });

  it('refuses to stop someone else’s quiz unless Slack says the user is an admin or created the channel', async () => {
    harness = await startSlackHarness([choiceQuestion]);
    const h = harness;
    await h.command({ command: '/quiz', text: 'start', channel_id: 'CA', user_id: 'U1' });
    const stop = async (user: string) =>
      (await (
        await h.command({ command: '/quiz', text: 'stop', channel_id: 'CA', user_id: user })
      ).json()) as {
        response_type: string;
        text: string;
      };
    const refused = await stop('U3');
    expect(refused.response_type).toBe('ephemeral');
    expect(refused.text).toMatch(/Only the quiz's host or a channel admin/);

    h.api.creators.set('CA', 'U4');
    const byCreator = await stop('U4');
    expect(byCreator.text).not.toMatch(/Only the quiz's host/);

    await h.command({ command: '/quiz', text: 'start', channel_id: 'CB', user_id: 'U1' });
    h.api.admins.add('U5');
    const byAdmin = (await (
      await h.command({ command: '/quiz', text: 'stop', channel_id: 'CB', user_id: 'U5' })
    ).json()) as {
      text: string;
    };
    expect(byAdmin.text).not.toMatch(/Only the quiz's host/);
  });

  it('posts once when Slack rate-limits the first try, and publishes the Home tab once despite event retries', async () => {
    harness = await startSlackHarness([choiceQuestion]);
    const h = harness;
    h.api.rateLimitNext('chat.postMessage', 0);
    await h.bot.messenger.post(
      { platform: 'slack', channelId: 'CD' },
      {
        visibility: 'public',
        blocks: [{ type: 'text', text: 'Daily question' }],
        fallbackText: 'Daily question',
      },
    );
    expect(h.api.calls.filter((c) => c.method === 'chat.postMessage').map((c) => c.status)).toEqual([
      429, 200,
    ]);

    const event = {
      type: 'event_callback',
      team_id: 'T1',
      api_app_id: 'A1',
      event_id: 'Ev1',
      event_time: now(),
      event: { type: 'app_home_opened', user: 'U1', channel: 'D1', tab: 'home', event_ts: '1.1' },
    };
    expect((await h.event(event)).status).toBe(200);
    const [published] = await h.api.waitFor('views.publish', 1);
    const home = published!.params.view as { type: string; blocks: unknown[] };
    expect(published!.params.user_id).toBe('U1');
    expect(home.type).toBe('home');
    // The stats and review sections, each after a divider, with no error in them.
    expect(home.blocks.filter((block) => (block as { type: string }).type === 'divider')).toHaveLength(2);
    expect(texts(home.blocks)).not.toMatch(/⚠️|Incident/);
    expect((await h.event(event, { retryNum: 1 })).status).toBe(200);
    expect((await h.event(event, { retryNum: 2 })).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(h.api.delivered('views.publish')).toHaveLength(1);
  });

  it('uploads a chart with files.uploadV2 and shows it as a slack_file image', async () => {
    harness = await startSlackHarness([choiceQuestion]);
    const h = harness;
    const response = await h.command({ command: '/kvcache', text: 'llama-3.1-8b 128k' });
    expect(response.status).toBe(200);
    const [reply] = await h.api.waitFor('response', 1, 15_000);
    expect(h.api.delivered('upload')[0]!.params.bytes).toBeGreaterThan(1000);
    expect(texts(reply!.params.blocks)).toContain('"slack_file":{"id":"F1"}');
  });
});
