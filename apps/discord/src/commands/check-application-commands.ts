import {
  type ApplicationCommandJson,
  COMMAND_LIMITS,
  OPTION_TYPE,
  type OptionJson,
} from './to-application-commands.js';

/** Discord's name rule for commands and options (API v10): 1–32 letters, digits, `-` or `_`, lower case. */
export const COMMAND_NAME = /^[-_\p{L}\p{N}]{1,32}$/u;

/**
 * Checks application commands against Discord's rules before they are registered (Discord API v10,
 * "Application Command Object"; shared/reference/quiz-and-platforms.md): names, description lengths,
 * ≤ 25 options and choices, unique names, required options before optional ones, autocomplete
 * never with choices and only on string/integer/number options, subcommands not mixed with plain
 * options, and at most 100 global chat commands. Pure.
 *
 * @returns One line per broken rule; empty when every command is valid.
 */
export function checkApplicationCommands(commands: readonly ApplicationCommandJson[]): string[] {
  const problems: string[] = [];
  if (commands.length > COMMAND_LIMITS.globalCommands) {
    problems.push(`${commands.length} commands; Discord allows ${COMMAND_LIMITS.globalCommands}`);
  }
  unique(
    commands.map((c) => c.name),
    'command',
    problems,
  );
  for (const command of commands) {
    const where = `/${command.name}`;
    checkName(command.name, where, problems);
    checkDescription(command.description, where, problems);
    checkOptions(command.options, where, problems, true);
    if (
      command.default_member_permissions !== undefined &&
      !/^\d+$/.test(command.default_member_permissions)
    ) {
      problems.push(`${where}: default_member_permissions must be a decimal string`);
    }
  }
  return problems;
}

function checkOptions(options: readonly OptionJson[], where: string, problems: string[], top: boolean): void {
  if (options.length > COMMAND_LIMITS.options) problems.push(`${where}: ${options.length} options (max 25)`);
  unique(
    options.map((o) => o.name),
    `${where} option`,
    problems,
  );
  const subs = options.filter((o) => o.type === OPTION_TYPE.subcommand);
  if (subs.length > 0 && subs.length < options.length)
    problems.push(`${where}: subcommands mixed with options`);
  if (subs.length > 0 && !top) problems.push(`${where}: subcommands nested below a subcommand`);
  let optionalSeen = false;
  for (const option of options) {
    const at = `${where} ${option.name}`;
    checkName(option.name, at, problems);
    checkDescription(option.description, at, problems);
    if (option.type === OPTION_TYPE.subcommand) {
      checkOptions(option.options ?? [], at, problems, false);
      continue;
    }
    if (option.required) {
      if (optionalSeen) problems.push(`${at}: required option after an optional one`);
    } else optionalSeen = true;
    const choices = option.choices ?? [];
    if (choices.length > COMMAND_LIMITS.choices) problems.push(`${at}: ${choices.length} choices (max 25)`);
    if (option.autocomplete && choices.length > 0) problems.push(`${at}: autocomplete combined with choices`);
    const completes = [OPTION_TYPE.string, OPTION_TYPE.integer, OPTION_TYPE.number] as number[];
    if ((option.autocomplete || choices.length > 0) && !completes.includes(option.type)) {
      problems.push(`${at}: choices or autocomplete on a type that cannot have them`);
    }
    for (const choice of choices) {
      if (choice.name.length < 1 || choice.name.length > COMMAND_LIMITS.choiceName) {
        problems.push(`${at}: choice name "${choice.name}" is not 1–100 characters`);
      }
      const numeric = option.type !== OPTION_TYPE.string;
      if (
        numeric
          ? typeof choice.value !== 'number' || !Number.isFinite(choice.value)
          : typeof choice.value !== 'string'
      ) {
        problems.push(`${at}: choice "${choice.name}" has a value of the wrong type`);
      }
    }
  }
}

function checkName(name: string, where: string, problems: string[]): void {
  if (!COMMAND_NAME.test(name) || name !== name.toLowerCase()) problems.push(`${where}: bad name "${name}"`);
}

function checkDescription(text: string, where: string, problems: string[]): void {
  if (text.length < 1 || text.length > COMMAND_LIMITS.description) {
    problems.push(`${where}: description is ${text.length} characters (1–100)`);
  }
}

function unique(names: readonly string[], what: string, problems: string[]): void {
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name)) problems.push(`${what} "${name}" appears twice`);
    seen.add(name);
  }
}
