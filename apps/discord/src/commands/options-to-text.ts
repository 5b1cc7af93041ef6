/** An option value as Discord resolves it. */
export type DiscordOptionValue = string | number | boolean;

/**
 * The argument text of a chat-input interaction in the core's grammar: the subcommand (if any),
 * then `name=value` per given option. Strings are quoted when they hold spaces or quotes of one
 * kind (the other kind quotes them); booleans become `true` / `false`. Pure.
 *
 * @example optionsToText('start', [['topic', 'kv-cache'], ['rounds', 3]]) // 'start topic=kv-cache rounds=3'
 */
export function optionsToText(
  subcommand: string | null,
  options: readonly (readonly [string, DiscordOptionValue])[],
): string {
  const words = subcommand ? [subcommand] : [];
  for (const [name, value] of options) words.push(`${name}=${quote(String(value))}`);
  return words.join(' ');
}

function quote(text: string): string {
  if (!/[\s"'{[]/.test(text)) return text;
  if (/^[{[]/.test(text)) return text;
  return text.includes('"') ? `'${text.replaceAll("'", '')}'` : `"${text}"`;
}
