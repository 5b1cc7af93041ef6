import { closestNames, UserError } from '@mlsys/errors';

/** The flags an extra accepts: `string` flags take a value, `boolean` flags do not. */
export type FlagSpec = Record<string, 'string' | 'boolean'>;

/** Parsed flags: strings for `string` flags, `true` for boolean flags that were given. */
export type Flags<S extends FlagSpec> = {
  [K in keyof S]?: S[K] extends 'string' ? string : boolean;
};

/**
 * Reads `--name value`, `--name=value` and boolean `--name` flags of a CLI extra.
 *
 * @throws UserError `cli/bad-flag` for an unknown flag (with close matches), a missing value or a stray word.
 */
export function parseFlags<S extends FlagSpec>(args: readonly string[], spec: S, usage: string): Flags<S> {
  const flags: Record<string, string | boolean> = {};
  for (let i = 0; i < args.length; i++) {
    const word = args[i]!;
    if (!word.startsWith('--')) {
      throw new UserError('cli/bad-flag', `Unexpected "${word}".`, { example: usage });
    }
    const eq = word.indexOf('=');
    const name = eq > 0 ? word.slice(2, eq) : word.slice(2);
    const kind = spec[name];
    if (kind === undefined) {
      throw new UserError('cli/bad-flag', `Unknown option --${name}.`, {
        suggestions: closestNames(name, Object.keys(spec)).map((known) => `--${known}`),
        example: usage,
      });
    }
    if (kind === 'boolean') {
      flags[name] = eq > 0 ? word.slice(eq + 1) !== 'false' : true;
      continue;
    }
    const value = eq > 0 ? word.slice(eq + 1) : args[++i];
    if (value === undefined || (eq < 0 && value.startsWith('--'))) {
      throw new UserError('cli/bad-flag', `--${name} needs a value.`, { example: usage });
    }
    flags[name] = value;
  }
  return flags as Flags<S>;
}
