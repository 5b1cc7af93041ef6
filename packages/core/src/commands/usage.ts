import type { CommandSpec } from './define-command.js';

/**
 * The usage line of a command from its options: `<model> <context> [batch=1] [gpu=…]`.
 * Positional options are shown bare, the others as `name=default`, or `name=…` when absent means
 * something else than a value (no GPU fit, kv_heads = heads): an example there would read as the
 * default. Optional ones in brackets.
 */
export function usageOf(spec: CommandSpec): string {
  return Object.entries(spec.options)
    .map(([name, option]) => {
      const shown = option.positional ? `<${name}>` : `${name}=${option.default ?? '…'}`;
      return option.required ? shown : `[${shown}]`;
    })
    .join(' ');
}
