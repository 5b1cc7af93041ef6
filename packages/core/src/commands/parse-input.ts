import { isTokensWord } from '@mlsys/calc';
import { closestNames, UserError } from '@mlsys/errors';
import type { z } from 'zod';
import type { AnyCommand, CommandSpec } from './define-command.js';
import type { InputOf, OptionMap } from './option.js';
import { tokenizeArgs } from './tokenize-args.js';
import { usageOf } from './usage.js';

/** A command resolved to the spec that runs (a subcommand for a group) and the text left for it. */
export interface ResolvedCommand {
  spec: CommandSpec;
  /** `quiz start` for a subcommand, `kvcache` otherwise. */
  path: string;
  text: string;
}

/**
 * Picks the spec that runs: the command itself, or the subcommand named by the first word.
 *
 * @throws UserError when a group's subcommand is missing or unknown.
 */
export function resolveCommand(command: AnyCommand, text: string): ResolvedCommand {
  if (command.kind === 'command') return { spec: command, path: command.name, text };
  const trimmed = text.trim();
  const first = trimmed.split(/\s+/, 1)[0]?.toLowerCase() ?? '';
  const sub = command.subcommands.find((candidate) => candidate.name === first);
  if (!sub) {
    const names = command.subcommands.map((candidate) => candidate.name);
    const what =
      first === '' ? `/${command.name} needs a subcommand` : `/${command.name} has no subcommand "${first}"`;
    throw new UserError('core/unknown-subcommand', `${what}: ${names.join(', ')}.`, {
      suggestions: first === '' ? [] : closestNames(first, names),
      example:
        `/${command.name} ${command.subcommands[0]?.name ?? ''} ${command.subcommands[0]?.examples[0] ?? ''}`.trim(),
    });
  }
  return { spec: sub, path: `${command.name} ${sub.name}`, text: trimmed.slice(first.length) };
}

/**
 * Parses argument text against a command's options: positional words fill positional options in
 * order, `key=value` words fill options by name, defaults fill the rest, and each option's zod
 * schema turns its text into a typed value.
 *
 * @throws UserError naming the first bad part, with the command's usage and an example.
 */
export function parseInput<O extends OptionMap>(
  spec: CommandSpec<O>,
  text: string,
  path = spec.name,
): InputOf<O> {
  const words = tokenizeArgs(text);
  const names = Object.keys(spec.options);
  const raw = new Map<string, string>();
  const fail = (code: string, message: string, suggestions: string[] = []) =>
    new UserError(code, `${message}\nUsage: /${path} ${usageOf(spec)}`, {
      suggestions,
      example: `/${path} ${spec.examples[0] ?? ''}`.trim(),
    });

  for (const [key, value] of words.named) {
    // Own names only: `constructor=1` must not match Object.prototype and slip through unread.
    if (!Object.hasOwn(spec.options, key)) {
      throw fail('core/unknown-option', `/${path} has no option "${key}".`, closestNames(key, names));
    }
    raw.set(key, value);
  }
  const positionalFree = names.filter((name) => spec.options[name]!.positional && !raw.has(name));
  let previous: string | undefined;
  for (const word of words.positional) {
    // "128k tokens": the unit word belongs to the number before it.
    if (previous !== undefined && isTokensWord(word) && /^\d/.test(raw.get(previous)!)) {
      raw.set(previous, `${raw.get(previous)} ${word}`);
      continue;
    }
    const name = positionalFree.shift();
    if (name === undefined) throw fail('core/extra-argument', `Unexpected "${word}".`);
    raw.set(name, word);
    previous = name;
  }

  const input: Record<string, unknown> = {};
  for (const name of names) {
    const option = spec.options[name]!;
    const text = raw.get(name) ?? option.default;
    if (text === undefined) {
      if (option.required) throw fail('core/missing-option', `Missing ${name}: ${option.description}.`);
      input[name] = undefined;
      continue;
    }
    if (option.choices && !option.choices.includes(text.toLowerCase())) {
      throw fail(
        'core/bad-choice',
        `${name} must be one of ${option.choices.join(', ')}; got "${text}".`,
        closestNames(text, [...option.choices]),
      );
    }
    const parsed = option.schema.safeParse(option.choices ? text.toLowerCase() : text);
    if (!parsed.success)
      throw badOption(name, text, parsed.error, `/${path} ${spec.examples[0] ?? ''}`.trim());
    input[name] = parsed.data;
  }
  return input as InputOf<O>;
}

/**
 * The error for an option whose text did not parse: the parser's message, its suggestions, and an
 * example — the parser's own when it is a whole command line, else the command's first example, with
 * the parser's value example mentioned inline when there are no suggestions to show instead.
 */
function badOption(name: string, text: string, error: z.ZodError, commandExample: string): UserError {
  const issue = error.issues[0];
  const params = (issue?.code === 'custom' ? issue.params : undefined) as
    | { example?: string; suggestions?: readonly string[] }
    | undefined;
  const valueExample = params?.example;
  const suggestions = params?.suggestions ?? [];
  const inline =
    valueExample !== undefined && !valueExample.startsWith('/') && suggestions.length === 0
      ? ` (e.g. ${valueExample})`
      : '';
  return new UserError(
    'core/bad-option',
    `Bad ${name} "${truncate(text)}": ${issue?.message ?? 'is not valid'}${inline}`,
    {
      example: valueExample?.startsWith('/') ? valueExample : commandExample,
      suggestions,
      cause: error,
    },
  );
}

function truncate(text: string): string {
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}
