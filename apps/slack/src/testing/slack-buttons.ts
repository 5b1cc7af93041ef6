/**
 * Buttons of rendered Slack messages for tests and the bench: find one by its action id, and press it
 * as Slack posts a `block_actions` payload.
 */

/** A button of a rendered Slack message, found by its action id prefix (e.g. `quiz:join`). */
export function findButton(blocks: unknown, actionIdPrefix: string): { action_id: string; value: string } {
  for (const block of (blocks ?? []) as {
    type: string;
    elements?: { action_id: string; value: string }[];
  }[]) {
    for (const element of block.elements ?? []) {
      if (element.action_id?.startsWith(actionIdPrefix)) return element;
    }
  }
  throw new Error(`no button ${actionIdPrefix} in ${JSON.stringify(blocks)}`);
}

/** A `block_actions` payload pressing `button` in channel `channel` as `user`. */
export function pressButton(
  button: { action_id: string; value: string },
  user: string,
  channel: string,
  responseUrl: string,
) {
  return {
    type: 'block_actions',
    user: { id: user, username: user.toLowerCase(), name: user.toLowerCase(), team_id: 'T1' },
    api_app_id: 'A1',
    token: 'legacy',
    container: { type: 'message', message_ts: '1.1', channel_id: channel, is_ephemeral: false },
    trigger_id: `trigger-${Math.random().toString(36).slice(2)}`,
    team: { id: 'T1', domain: 'test' },
    channel: { id: channel, name: 'quiz' },
    response_url: responseUrl,
    actions: [
      {
        type: 'button',
        action_id: button.action_id,
        block_id: 'b1',
        text: { type: 'plain_text', text: 'x' },
        value: button.value,
        action_ts: '1.2',
      },
    ],
  };
}
