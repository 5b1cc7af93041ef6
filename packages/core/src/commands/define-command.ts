import type { Services } from '../ports/services.js';
import type { Reply } from '../reply/reply.js';
import type { Invocation } from './invocation.js';
import type { InputOf, OptionMap } from './option.js';

/** What a command's `run` receives besides its input. */
export interface CommandContext {
  invocation: Invocation;
  services: Services;
}

/** A command defined once and turned into every platform's form by code. */
export interface CommandSpec<O extends OptionMap = OptionMap> {
  kind: 'command';
  /** Lower-case name, `^[a-z][a-z0-9-]{0,31}$` (fits Slack and Discord). */
  name: string;
  /** One line, at most 100 characters (Discord). */
  description: string;
  options: O;
  /** Argument text of right invocations, without the command name, e.g. `llama-70b 128k`. */
  examples: readonly string[];
  /** Relative cost for rate limiting: 1 for a calculator, more for kernels and charts. */
  cost: number;
  run(input: InputOf<O>, context: CommandContext): Reply | Promise<Reply>;
}

/** A command with subcommands (`/quiz start`, `/quiz join`); the first word picks the subcommand. */
export interface CommandGroupSpec {
  kind: 'group';
  name: string;
  description: string;
  subcommands: readonly CommandSpec[];
}

/** Anything the router can dispatch by name. */
export type AnyCommand = CommandSpec | CommandGroupSpec;

/**
 * Declares a command. The options' parsers give `run` a fully typed input.
 *
 * @example
 * export const specdec = defineCommand({
 *   name: 'specdec', description: 'Speculative decoding: tokens per target pass and speed-up',
 *   options: { alpha: option({ description: 'Acceptance rate', kind: 'number', required: true, parse: parseUnit }) },
 *   examples: ['alpha=0.8 gamma=4'], cost: 1,
 *   run: (input) => specdecReply(input),
 * });
 */
export function defineCommand<const O extends OptionMap>(spec: Omit<CommandSpec<O>, 'kind'>): CommandSpec<O> {
  return { kind: 'command', ...spec };
}

/** Declares a command with subcommands. */
export function defineCommandGroup(spec: Omit<CommandGroupSpec, 'kind'>): CommandGroupSpec {
  return { kind: 'group', ...spec };
}
