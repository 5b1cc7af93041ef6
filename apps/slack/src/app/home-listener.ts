import type { Reply } from '@mlsys/core';
import type { App } from '@slack/bolt';
import { homeView } from '../render/home-view.js';
import { type ListenerContext, slackCaller } from './listener-context.js';
import type { WebClient } from './web-client.js';

/**
 * What the Home tab shows, as commands run for the user who opens it: their stats and their due
 * reviews. A command the core does not have is left out.
 */
export const HOME_SECTIONS: readonly { command: string; text: string }[] = [
  { command: 'stats', text: '' },
  { command: 'review', text: 'next' },
];

/**
 * Publishes a user's Home tab (`views.publish`): `first` replies (the answer to a button pressed
 * there) above the {@link HOME_SECTIONS}.
 */
export async function publishHome(
  client: WebClient,
  context: ListenerContext,
  user: { id: string; name?: string; username?: string },
  teamId: string,
  first: readonly Reply[] = [],
): Promise<void> {
  const caller = await slackCaller(context, user, undefined);
  const sections: Reply[] = [...first];
  for (const section of HOME_SECTIONS) {
    if (!context.router.commands.some((command) => command.name === section.command)) continue;
    const { reply } = await context.router.dispatch({
      platform: 'slack',
      command: section.command,
      text: section.text,
      user: caller,
      channel: { id: user.id },
      team: { id: teamId },
    });
    sections.push(reply);
  }
  await client.views.publish({ user_id: user.id, view: homeView('Your mlsys', sections) });
}

/** Listens to `app_home_opened` and publishes the Home tab. */
export function listenToHome(app: App, context: ListenerContext): void {
  app.event('app_home_opened', async ({ event, body, client }) => {
    if (event.tab !== 'home') return;
    await publishHome(client, context, { id: event.user }, body.team_id);
  });
}
