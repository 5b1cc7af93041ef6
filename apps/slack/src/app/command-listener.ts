import type { App, SlashCommand } from '@slack/bolt';
import { coreCommandName } from '../manifest/slash-commands.js';
import { replyToBlockKit } from '../render/reply-to-block-kit.js';
import { openCommandForm } from './command-forms.js';
import {
  type ListenerContext,
  respondWith,
  settleWithin,
  slackCaller,
  toResponse,
} from './listener-context.js';
import { hasChart } from './slack-charts.js';

/**
 * Listens to every slash command and dispatches it into the core. A reply ready within the ack budget
 * and without charts goes back in the acknowledgement itself; anything slower (kernels, charts) is
 * acknowledged at once and answered through the command's `response_url`. `/daily subscribe` without
 * arguments opens its form (a modal) instead.
 */
export function listenToCommands(app: App, context: ListenerContext): void {
  app.command(/^\/[a-z0-9_-]+$/, async ({ command, ack, respond, client }) => {
    const name = coreCommandName(command.command, context.router.commands);
    if (await openCommandForm(client, context, name, command, ack)) return;
    const work = (async () =>
      context.router.dispatch({
        platform: 'slack',
        command: name,
        text: command.text,
        user: await slackCaller(
          context,
          { id: command.user_id, name: command.user_name },
          command.channel_id,
        ),
        channel: channelOf(command),
        team: { id: command.team_id },
      }))();
    const early = await settleWithin(work, context.ackBudgetMs);
    if (early && !hasChart(early.reply)) {
      await ack(toResponse(early.reply, replyToBlockKit(early.reply)));
      return;
    }
    await ack();
    await respondWith(client, respond, await work, context);
  });
}

function channelOf(command: SlashCommand): { id: string; name?: string } {
  return command.channel_name
    ? { id: command.channel_id, name: command.channel_name }
    : { id: command.channel_id };
}
