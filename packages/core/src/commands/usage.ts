import type { CommandSpec } from './define-command.js';

/**
 * The usage line of a command from its options: `<model> <context> [batch=1] [dtype=bf16]`.
 * Positional options are shown bare, the others as `name=value`; optional ones in brackets.
 */
export function usageOf(spec: CommandSpec): string {
  return Object.entries(spec.options)
    .map(([name, option]) => {
      const shown = option.positional ? `<${name}>` : `${name}=${option.default ?? option.example ?? '…'}`;
      return option.required ? shown : `[${shown}]`;
    })
    .join(' ');
}
