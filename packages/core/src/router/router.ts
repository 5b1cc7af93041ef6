import { closestNames, isUserError, UserError } from '@mlsys/errors';
import type { AnyCommand } from '../commands/define-command.js';
import type { Invocation } from '../commands/invocation.js';
import { parseInput, resolveCommand } from '../commands/parse-input.js';
import type { Services } from '../ports/services.js';
import type { Reply } from '../reply/reply.js';
import type { ActionInvocation, ActionSpec } from './actions.js';
import { errorReply, incidentReply } from './error-replies.js';
import { type RateLimiter, rateLimitedError } from './rate-limiter.js';

/** Where the router reports unexpected errors: with an incident id, never to the user. */
export interface Logger {
  error(message: string, fields: Record<string, unknown>): void;
}

/** How an invocation ended, for adapters that act on it (the CLI's exit code, metrics). */
export interface Dispatched {
  status: 'ok' | 'user-error' | 'internal-error';
  reply: Reply;
}

/** Dispatches invocations to commands; the one error boundary of the bot. */
export interface Router {
  readonly commands: readonly AnyCommand[];
  /** Runs one invocation; always resolves, never throws. */
  dispatch(invocation: Invocation): Promise<Dispatched>;
  /** Runs one invocation and returns only its reply. */
  handle(invocation: Invocation): Promise<Reply>;
  /** Runs the handler of a pressed button; same error boundary as commands; never throws. */
  handleAction(action: ActionInvocation): Promise<Dispatched>;
}

/** Options of {@link createRouter}. */
export interface RouterOptions {
  commands: readonly AnyCommand[];
  /** Button handlers by action id (see `botActions`). */
  actions?: readonly ActionSpec[];
  services: Services;
  logger?: Logger;
  /** Makes incident ids; injected for tests. */
  incidentId?: () => string;
  /**
   * Per-user and per-channel token buckets spent by each command's `cost` (a button costs 1 from
   * the user's bucket only: forty quiz players answering at once are not a flood). Platform entry
   * points pass `createRateLimiter()`; without one nothing is limited (tests, the CLI). The CLI and
   * the scheduler are never limited.
   */
  rateLimiter?: RateLimiter;
}

/**
 * Creates the router. Known errors (`UserError`) become an ephemeral reply with the message and an
 * example; anything else is logged with an incident id and the user sees a short apology with it.
 */
export function createRouter(options: RouterOptions): Router {
  const byName = new Map(options.commands.map((command) => [command.name, command]));
  const actionsById = new Map((options.actions ?? []).map((action) => [action.id, action]));
  const logger = options.logger ?? { error: (message, fields) => console.error(message, fields) };
  const incidentId = options.incidentId ?? (() => crypto.randomUUID().slice(0, 8));
  const limiter = options.rateLimiter;

  /** @throws UserError `core/rate-limited` when the caller or the channel is over its limit. */
  function spend(who: Pick<Invocation, 'platform' | 'user' | 'channel'>, cost: number, channel = true): void {
    if (!limiter || who.platform === 'cli' || who.platform === 'scheduler') return;
    const now = options.services.clock.now().getTime();
    const key = { platform: who.platform, userId: who.user.id, channelId: who.channel.id };
    const verdict = limiter.take(key, cost, now, channel);
    if (!verdict.ok) throw rateLimitedError(verdict, now);
  }

  async function dispatch(invocation: Invocation): Promise<Dispatched> {
    try {
      const command = byName.get(invocation.command.toLowerCase());
      if (!command) {
        throw new UserError('core/unknown-command', `There is no command /${invocation.command}.`, {
          suggestions: closestNames(invocation.command, [...byName.keys()]).map((name) => `/${name}`),
          example: '/mlsys help',
        });
      }
      const { spec, path, text } = resolveCommand(command, invocation.text);
      spend(invocation, spec.cost);
      const input = parseInput(spec, text, path);
      return { status: 'ok', reply: await spec.run(input, { invocation, services: options.services }) };
    } catch (error) {
      return failed(error, 'command failed', { command: invocation.command, platform: invocation.platform });
    }
  }

  async function handleAction(action: ActionInvocation): Promise<Dispatched> {
    try {
      const spec = actionsById.get(action.actionId);
      if (!spec) {
        throw new UserError('core/unknown-action', 'That button no longer does anything.', {
          example: '/quiz status',
        });
      }
      spend(action, 1, false);
      return { status: 'ok', reply: await spec.run(action, { services: options.services }) };
    } catch (error) {
      return failed(error, 'action failed', { action: action.actionId, platform: action.platform });
    }
  }

  function failed(error: unknown, message: string, where: Record<string, unknown>): Dispatched {
    if (isUserError(error)) return { status: 'user-error', reply: errorReply(error) };
    const id = incidentId();
    logger.error(message, { incident: id, ...where, error });
    return { status: 'internal-error', reply: incidentReply(id) };
  }

  return {
    commands: options.commands,
    dispatch,
    handle: async (invocation) => (await dispatch(invocation)).reply,
    handleAction,
  };
}
