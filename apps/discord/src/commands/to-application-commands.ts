import type { AnyCommand, CommandSpec, OptionKind, OptionSpec } from '@mlsys/core';

/**
 * Discord application-command option types (Discord API v10, "Application Command Object" →
 * "Application Command Option Type").
 */
export const OPTION_TYPE = { subcommand: 1, string: 3, integer: 4, boolean: 5, number: 10 } as const;

/** Chat-input command type (Discord API v10). */
export const CHAT_INPUT = 1;

/** Discord's counts and lengths for commands (shared/reference/quiz-and-platforms.md, Discord). */
export const COMMAND_LIMITS = {
  name: 32,
  description: 100,
  options: 25,
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
  globalCommands: 100,
} as const;

/** The `Manage Server` permission bit (Discord API v10, "Permissions": MANAGE_GUILD = 1 << 5). */
export const MANAGE_GUILD = 1n << 5n;

/**
 * Commands that change a server's settings: `default_member_permissions` hides them from members
 * without Manage Server. Server admins can override that, so the bot checks again on every use.
 */
export const ADMIN_COMMANDS: ReadonlySet<string> = new Set(['daily']);

/** One choice of an option. */
export interface ChoiceJson {
  name: string;
  value: string | number;
}

/** An option of an application command (Discord API v10 JSON). */
export interface OptionJson {
  type: number;
  name: string;
  description: string;
  required?: boolean;
  choices?: ChoiceJson[];
  autocomplete?: boolean;
  options?: OptionJson[];
}

/** A chat-input application command as `PUT /applications/{id}/commands` takes it. */
export interface ApplicationCommandJson {
  type: typeof CHAT_INPUT;
  name: string;
  description: string;
  options: OptionJson[];
  /** Permission bits as a decimal string; absent means everyone. */
  default_member_permissions?: string;
  /** Usable in DMs with the bot (API v10 `dm_permission`); admin commands are server-only. */
  dm_permission: boolean;
}

/**
 * The application commands of the bot, generated from the command specs: typed options (string,
 * integer, number, boolean), required ones first as Discord requires, fixed choices when there are
 * at most 25 of them, autocomplete for completion sources (models, topics, GPUs, kernels) and for
 * longer choice lists — never both on one option —, and one subcommand per member of a group
 * (`/quiz start`). Pure.
 */
export function toApplicationCommands(commands: readonly AnyCommand[]): ApplicationCommandJson[] {
  return commands.map((command) => {
    const json: ApplicationCommandJson = {
      type: CHAT_INPUT,
      name: command.name,
      description: clip(command.description, COMMAND_LIMITS.description),
      options:
        command.kind === 'group'
          ? command.subcommands.map((sub) => ({
              type: OPTION_TYPE.subcommand,
              name: sub.name,
              description: clip(sub.description, COMMAND_LIMITS.description),
              options: toOptions(sub),
            }))
          : toOptions(command),
      dm_permission: !ADMIN_COMMANDS.has(command.name),
    };
    if (ADMIN_COMMANDS.has(command.name)) json.default_member_permissions = MANAGE_GUILD.toString();
    return json;
  });
}

/** Whether Discord would offer completions for an option: a completion source or too many choices. */
export function hasAutocomplete(option: OptionSpec): boolean {
  const many = (option.choices?.length ?? 0) > COMMAND_LIMITS.choices;
  return option.kind !== 'boolean' && (many || (option.complete !== undefined && !option.choices?.length));
}

function toOptions(spec: CommandSpec): OptionJson[] {
  const entries = Object.entries(spec.options);
  const ordered = [...entries.filter(([, o]) => o.required), ...entries.filter(([, o]) => !o.required)];
  return ordered.slice(0, COMMAND_LIMITS.options).map(([name, option]) => {
    const json: OptionJson = {
      type: OPTION_TYPE[option.kind],
      name,
      description: clip(describe(option), COMMAND_LIMITS.description),
    };
    if (option.required) json.required = true;
    const choices = option.choices ?? [];
    if (hasAutocomplete(option)) json.autocomplete = true;
    else if (choices.length > 0 && option.kind !== 'boolean')
      json.choices = choices.map((c) => toChoice(c, option.kind));
    return json;
  });
}

/** The description, with the default when it fits: Discord shows no defaults of its own. */
function describe(option: OptionSpec): string {
  const withDefault = option.default
    ? `${option.description} (default ${option.default})`
    : option.description;
  return withDefault.length <= COMMAND_LIMITS.description ? withDefault : option.description;
}

function toChoice(choice: string, kind: OptionKind): ChoiceJson {
  const value =
    kind === 'integer' || kind === 'number' ? Number(choice) : clip(choice, COMMAND_LIMITS.choiceValue);
  return { name: clip(choice, COMMAND_LIMITS.choiceName), value };
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
