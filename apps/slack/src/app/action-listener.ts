import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { PROMPT_CALLBACK_ID, promptAnswer, promptModal, type ViewStateValues } from '../render/modals.js';
import { parseSlackActionId } from '../render/parse-action-id.js';
import { publishHome } from './home-listener.js';
import { type ListenerContext, respondWith, settleWithin, slackCaller } from './listener-context.js';
import { deliverFromView, formError } from './view-delivery.js';

/** What a prompt form's submission needs back: the action, its value and where it was pressed. */
interface PromptMetadata {
  action: string;
  value: string;
  channel: string | undefined;
  team: string | undefined;
}

/**
 * Listens to button presses (`block_actions`). A button runs its core action and the reply goes back
 * through the `response_url` (ephemeral "locked in", or public); a prompt button opens a one-field
 * modal whose submission runs the action with the typed text. Buttons on the Home tab refresh it.
 */
export function listenToActions(app: App, context: ListenerContext): void {
  app.action<BlockAction<ButtonAction>>(
    { type: 'block_actions' },
    async ({ body, action, ack, respond, client }) => {
      await ack();
      if (action.type !== 'button') return;
      const pressed = parseSlackActionId(action.action_id, action.value ?? '');
      if (!pressed) return;
      const channel = body.channel?.id;
      if (pressed.prompt) {
        const metadata: PromptMetadata = {
          action: pressed.actionId,
          value: pressed.value,
          channel,
          team: body.team?.id,
        };
        await client.views.open({
          trigger_id: body.trigger_id,
          view: promptModal(pressed.prompt, JSON.stringify(metadata)),
        });
        return;
      }
      const dispatched = await context.router.handleAction({
        platform: 'slack',
        actionId: pressed.actionId,
        value: pressed.value,
        user: await slackCaller(context, body.user, channel),
        channel: { id: channel ?? body.user.id },
        ...(body.team ? { team: { id: body.team.id } } : {}),
      });
      if (body.view?.type === 'home') {
        await publishHome(client, context, body.user, body.team?.id ?? '', [dispatched.reply]);
        return;
      }
      await respondWith(client, respond, dispatched, context);
    },
  );

  app.view(PROMPT_CALLBACK_ID, async ({ ack, view, body, client }) => {
    const metadata = JSON.parse(view.private_metadata) as PromptMetadata;
    const work = (async () =>
      context.router.handleAction({
        platform: 'slack',
        actionId: metadata.action,
        value: metadata.value,
        input: promptAnswer(view.state.values as ViewStateValues),
        user: await slackCaller(context, body.user, metadata.channel),
        channel: { id: metadata.channel ?? body.user.id },
        ...(metadata.team ? { team: { id: metadata.team } } : {}),
      }))();
    const early = await settleWithin(work, context.ackBudgetMs);
    if (early?.status === 'user-error') {
      await ack(formError('answer', early.reply));
      return;
    }
    await ack();
    const dispatched = await work;
    if (metadata.channel) await deliverFromView(client, context, dispatched, metadata.channel, body.user.id);
    else await publishHome(client, context, body.user, body.team?.id ?? '', [dispatched.reply]);
  });
}
