import type { CommandSpec } from '@mlsys/core';
import type { AckFn, App, RespondArguments, SlashCommand } from '@slack/bolt';
import {
  COMMAND_FORM_CALLBACK_ID,
  commandFormModal,
  formToArguments,
  type ViewStateValues,
} from '../render/modals.js';
import { type ListenerContext, settleWithin, slackCaller } from './listener-context.js';
import { deliverFromView, formError } from './view-delivery.js';
import type { WebClient } from './web-client.js';

/** Commands that open a form when typed without arguments: `/daily subscribe` (admin settings). */
export const FORM_COMMANDS: readonly { command: string; subcommand: string; title: string }[] = [
  { command: 'daily', subcommand: 'subscribe', title: 'Daily question' },
];

/** What a command form's submission needs back. */
interface FormMetadata {
  command: string;
  subcommand: string;
  channel: string;
  team: string;
}

/** The subcommand spec whose form `/<command> <text>` opens, if any. */
export function formFor(context: ListenerContext, command: string, text: string): CommandSpec | undefined {
  const words = text.trim().toLowerCase().split(/\s+/);
  const form = FORM_COMMANDS.find(
    (f) => f.command === command && words.length === 1 && words[0] === f.subcommand,
  );
  if (!form) return undefined;
  const group = context.router.commands.find((c) => c.name === command);
  return group?.kind === 'group' ? group.subcommands.find((sub) => sub.name === form.subcommand) : undefined;
}

/** Opens the form of `/<name> <text>` when it has one; true when it did (the command is acknowledged). */
export async function openCommandForm(
  client: WebClient,
  context: ListenerContext,
  name: string,
  command: SlashCommand,
  ack: AckFn<string | RespondArguments>,
): Promise<boolean> {
  const spec = formFor(context, name, command.text);
  if (!spec) return false;
  await ack();
  const form = FORM_COMMANDS.find((f) => f.command === name)!;
  const metadata: FormMetadata = {
    command: name,
    subcommand: spec.name,
    channel: command.channel_id,
    team: command.team_id,
  };
  await client.views.open({
    trigger_id: command.trigger_id,
    view: commandFormModal(spec, form.title, JSON.stringify(metadata)),
  });
  return true;
}

/**
 * Listens to command form submissions: the fields become `key="value"` text after the subcommand,
 * dispatched like a typed command. A user error is shown on the form (Slack `response_action:
 * errors`) so nothing typed is lost; a success is posted in the channel.
 */
export function listenToCommandForms(app: App, context: ListenerContext): void {
  app.view(COMMAND_FORM_CALLBACK_ID, async ({ ack, view, body, client }) => {
    const metadata = JSON.parse(view.private_metadata) as FormMetadata;
    const values = view.state.values as ViewStateValues;
    const work = (async () =>
      context.router.dispatch({
        platform: 'slack',
        command: metadata.command,
        text: `${metadata.subcommand} ${formToArguments(values)}`.trim(),
        user: await slackCaller(context, body.user, metadata.channel),
        channel: { id: metadata.channel },
        team: { id: metadata.team },
      }))();
    const early = await settleWithin(work, context.ackBudgetMs);
    if (early?.status === 'user-error') {
      const field = Object.keys(values)[0];
      await ack(field ? formError(field, early.reply) : undefined);
      return;
    }
    await ack();
    await deliverFromView(client, context, await work, metadata.channel, body.user.id);
  });
}
