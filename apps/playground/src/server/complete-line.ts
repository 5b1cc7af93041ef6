import type { AnyCommand, CommandSpec, CompletionSource } from '@mlsys/core';

/** Where completion values come from: model ids, topics, GPU names, kernel names, dtypes. */
export type CompletionSources = Partial<Record<CompletionSource, () => readonly string[]>>;

/** Most completions offered at once. */
export const COMPLETION_LIMIT = 20;

/**
 * Whole-line completions for what has been typed: command names after `/`, subcommand names,
 * option names, and values of options that declare a completion source or choices — positional or
 * `name=value`. Each completion repeats the line so far, so a browser datalist can match it.
 */
export function completeLine(
  text: string,
  commands: readonly AnyCommand[],
  sources: CompletionSources,
): string[] {
  if (!text.startsWith('/')) return [];
  const words = text.slice(1).split(/\s+/);
  const current = words.pop() ?? '';
  const head = text.slice(0, text.length - current.length);
  if (words.length === 0) {
    return commands
      .filter((c) => c.name.startsWith(current.toLowerCase()))
      .map((c) => `/${c.name}`)
      .slice(0, COMPLETION_LIMIT);
  }
  const command = commands.find((c) => c.name === words[0]?.toLowerCase());
  if (!command) return [];
  let spec: CommandSpec | undefined;
  let argWords = words.slice(1);
  if (command.kind === 'group') {
    if (argWords.length === 0) {
      return command.subcommands.filter((s) => s.name.startsWith(current)).map((s) => `${head}${s.name}`);
    }
    spec = command.subcommands.find((s) => s.name === argWords[0]);
    argWords = argWords.slice(1);
  } else {
    spec = command;
  }
  if (!spec) return [];
  const values = (name: string) => {
    // Own names only: "constructor" must not find Object.prototype's.
    const option = Object.hasOwn(spec.options, name) ? spec.options[name] : undefined;
    if (!option) return [];
    return option.choices ?? (option.complete ? (sources[option.complete]?.() ?? []) : []);
  };
  const eq = current.indexOf('=');
  if (eq > 0) {
    const name = current.slice(0, eq);
    const prefix = current.slice(eq + 1).toLowerCase();
    return values(name)
      .filter((v) => v.toLowerCase().startsWith(prefix))
      .slice(0, COMPLETION_LIMIT)
      .map((v) => `${head}${name}=${v}`);
  }
  const positionalUsed = argWords.filter((w) => !w.includes('=')).length;
  const nextPositional = Object.entries(spec.options).filter(([, o]) => o.positional)[positionalUsed]?.[0];
  const named = Object.keys(spec.options)
    .filter((name) => name.startsWith(current) && !argWords.some((w) => w.startsWith(`${name}=`)))
    .map((name) => `${head}${name}=`);
  const positional = nextPositional
    ? values(nextPositional)
        .filter((v) => v.toLowerCase().startsWith(current.toLowerCase()))
        .map((v) => `${head}${v}`)
    : [];
  return [...positional, ...named].slice(0, COMPLETION_LIMIT);
}
