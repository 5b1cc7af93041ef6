/**
 * An expected failure whose message is safe to show in a channel: bad input, an unknown model, a quiz
 * that already ended. It names what was wrong and, where it helps, shows an example of right input.
 *
 * Every package throws (or returns) this for anything a user caused; anything else is a bug and is
 * reported by the router with an incident id, never with its stack.
 *
 * @example
 * throw new UserError('calc/bad-size', 'Could not read "12q" as a token count.', { example: '128k' });
 */
export class UserError extends Error {
  override readonly name = 'UserError';
  /** Stable identifier, `<package>/<kebab-case-reason>`, for tests and logs. */
  readonly code: string;
  /** A right example of the input that was wrong, shown after the message. */
  readonly example: string | undefined;
  /** Close matches for a mistyped name ("did you mean …"). */
  readonly suggestions: readonly string[];

  constructor(
    code: string,
    message: string,
    options: { example?: string; suggestions?: readonly string[]; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.example = options.example;
    this.suggestions = options.suggestions ?? [];
  }

  /** The message as a user sees it: the problem, the suggestions and the example. */
  toUserText(): string {
    const parts = [this.message];
    if (this.suggestions.length > 0) parts.push(`Did you mean: ${this.suggestions.join(', ')}?`);
    if (this.example !== undefined) parts.push(`Example: ${this.example}`);
    return parts.join('\n');
  }
}

/** True when `value` is a {@link UserError} (also across duplicated module instances). */
export function isUserError(value: unknown): value is UserError {
  return (
    value instanceof UserError || (value instanceof Error && value.name === 'UserError' && 'code' in value)
  );
}
