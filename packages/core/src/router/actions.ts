import type { CommandContext } from '../commands/define-command.js';
import type { Caller, Platform } from '../commands/invocation.js';
import type { Reply } from '../reply/reply.js';

/**
 * A button press (or a prompt submission) as an adapter hands it to the core: the `ButtonAction.id`
 * and `value` of the pressed button, and who pressed it where.
 */
export interface ActionInvocation {
  platform: Platform;
  /** `ButtonAction.id` / `PromptAction.id`, e.g. `quiz:answer`. */
  actionId: string;
  /** The button's opaque value. */
  value: string;
  /** The text typed into a prompt's form, for `PromptAction`s. */
  input?: string;
  user: Caller;
  channel: { id: string; name?: string };
  team?: { id: string };
}

/** What an action handler receives besides the action. */
export interface ActionContext {
  services: CommandContext['services'];
}

/** Handles the buttons whose id equals `id`. */
export interface ActionSpec {
  /** Exact action id, e.g. `quiz:answer`; at most 100 characters together with any value. */
  id: string;
  /** Answers the presser; an ephemeral reply is the usual answer to a button. */
  run(action: ActionInvocation, context: ActionContext): Reply | Promise<Reply>;
}

/** Declares an action handler. */
export function defineAction(spec: ActionSpec): ActionSpec {
  return spec;
}
