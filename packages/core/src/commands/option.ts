import { isUserError } from '@mlsys/errors';
import { z } from 'zod';

/** The platform type of an option (Discord application-command option types, CLI flag types). */
export type OptionKind = 'string' | 'integer' | 'number' | 'boolean';

/** Where autocompletion of an option's value comes from. */
export type CompletionSource = 'model' | 'topic' | 'gpu' | 'kernel' | 'dtype';

/**
 * One option of a command. Every value arrives as text (a Slack command line, a CLI flag, a Discord
 * option turned to text) and is parsed by `schema`, a zod schema from string to the typed value.
 */
export interface OptionSpec<T = unknown, Required extends boolean = boolean> {
  description: string;
  kind: OptionKind;
  schema: z.ZodType<T, string>;
  required: Required;
  /** May be given by position, without `name=`, in declaration order. */
  positional: boolean;
  /** Raw text used when the option is absent; shown in help. */
  default?: string;
  choices?: readonly string[];
  complete?: CompletionSource;
  /** A right value, for help and error messages. */
  example?: string;
}

/** The typed value an option yields: absent optional options without a default are `undefined`. */
export type OptionValue<O> =
  O extends OptionSpec<infer T, infer R>
    ? R extends true
      ? T
      : O extends { default: string }
        ? T
        : T | undefined
    : never;

/** Options of a command by name. */
export type OptionMap = Record<string, OptionSpec<unknown, boolean>>;

/** The typed input of a command with options `O`. */
export type InputOf<O extends OptionMap> = { [K in keyof O]: OptionValue<O[K]> };

interface OptionInit<T, R extends boolean> {
  description: string;
  kind?: OptionKind;
  required?: R;
  positional?: boolean;
  default?: string;
  choices?: readonly string[];
  complete?: CompletionSource;
  example?: string;
  /** Turns the raw text into a value; throw a `UserError` (or return a zod issue) for bad text. */
  parse: (raw: string) => T;
}

/**
 * Declares an option from a parser of raw text. A `UserError` thrown by `parse` becomes a zod issue
 * whose message is shown to the user.
 *
 * @example
 * const batch = option({ description: 'Sequences in the batch', kind: 'integer', default: '1', parse: parseCount });
 */
export function option<T, const R extends boolean = false, const D extends string | undefined = undefined>(
  init: OptionInit<T, R> & { default?: D },
): OptionSpec<T, R> & (D extends string ? { default: string } : unknown) {
  const schema = z
    .string()
    .max(20_000, 'is longer than 20,000 characters')
    .transform((raw, ctx) => {
      try {
        return init.parse(raw.trim());
      } catch (error) {
        if (!isUserError(error)) throw error;
        ctx.addIssue({
          code: 'custom',
          message: error.message,
          params: { example: error.example, suggestions: error.suggestions },
        });
        return z.NEVER;
      }
    });
  const spec: OptionSpec<T, R> = {
    description: init.description,
    kind: init.kind ?? 'string',
    schema,
    required: (init.required ?? false) as R,
    positional: init.positional ?? false,
  };
  if (init.default !== undefined) spec.default = init.default;
  if (init.choices !== undefined) spec.choices = init.choices;
  if (init.complete !== undefined) spec.complete = init.complete;
  if (init.example !== undefined) spec.example = init.example;
  return spec as OptionSpec<T, R> & (D extends string ? { default: string } : unknown);
}
