import type { Messenger, Router } from '@mlsys/core';
import { Client, Events, GatewayIntentBits, type Interaction } from 'discord.js';
import { onAutocomplete, onChatInput } from './command-interactions.js';
import { onButton, onModalSubmit } from './component-interactions.js';
import { createDiscordMessenger } from './discord-messenger.js';
import { toDiscordPayload } from './discord-payload.js';
import {
  type CompletionSources,
  DEFAULT_ACK_BUDGET_MS,
  type InteractionContext,
} from './interaction-context.js';
import { createInteractionMemory } from './interaction-memory.js';
import { createPromptMemory } from './prompt-memory.js';

/** How the Discord bot connects; from the environment (`apps/playground/src/env.ts`). */
export interface DiscordBotConfig {
  token: string;
  /** Another REST base (tests: a local fake), e.g. `http://127.0.0.1:4000/api`. */
  apiUrl?: string;
  /** See {@link InteractionContext.ackBudgetMs}. */
  ackBudgetMs?: number;
  log?: (message: string, fields: Record<string, unknown>) => void;
}

/** The Discord side of the bot. */
export interface DiscordBot {
  readonly client: Client;
  /** Posts timer-driven messages (quiz rounds, daily questions) to Discord. */
  readonly messenger: Messenger;
  /** Handles interactions with the core and logs in to the gateway; resolves once ready. */
  start(core: { router: Router; completions?: CompletionSources }): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Creates the Discord bot on discord.js: the Guilds intent only (no privileged intents: everything
 * arrives as interactions — slash commands, autocomplete, buttons, modals), sharding taken from the
 * environment when a `ShardingManager` spawned the process.
 */
export function createDiscordBot(config: DiscordBotConfig): DiscordBot {
  const log = config.log ?? ((message, fields) => console.error(message, fields));
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    ...(config.apiUrl ? { rest: { api: config.apiUrl } } : {}),
  });
  client.rest.setToken(config.token);
  const memory = createInteractionMemory();
  const prompts = createPromptMemory();
  const messenger = createDiscordMessenger(client.rest, {
    memory,
    render: (reply) => {
      prompts.remember(reply);
      return toDiscordPayload(reply, (error) => log('discord: chart failed', { error }));
    },
  });
  return {
    client,
    messenger,
    async start(core) {
      const context: InteractionContext = {
        router: core.router,
        completions: core.completions ?? {},
        memory,
        prompts,
        ackBudgetMs: config.ackBudgetMs ?? DEFAULT_ACK_BUDGET_MS,
        log,
      };
      client.on(Events.InteractionCreate, (interaction) => {
        handle(context, interaction).catch((error: unknown) =>
          log('discord: interaction failed', { error, interaction: interaction.id }),
        );
      });
      client.on(Events.Error, (error) => log('discord: client error', { error }));
      const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
      await client.login(config.token);
      await ready;
    },
    async stop() {
      await client.destroy();
    },
  };
}

async function handle(context: InteractionContext, interaction: Interaction): Promise<void> {
  if (interaction.isChatInputCommand()) return onChatInput(context, interaction);
  if (interaction.isAutocomplete()) return onAutocomplete(context, interaction);
  if (interaction.isButton()) return onButton(context, interaction);
  if (interaction.isModalSubmit()) return onModalSubmit(context, interaction);
}
