/**
 * Discord message limits the renderer keeps to, in characters or counts. Sources: Discord developer
 * documentation (Message and Embed objects, Message Components) as summarised in
 * shared/reference/quiz-and-platforms.md.
 */
export const DISCORD_LIMITS = {
  content: 2000,
  embedsPerMessage: 10,
  embedTotal: 6000,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footerText: 2048,
  actionRows: 5,
  buttonsPerRow: 5,
  buttonLabel: 80,
  customId: 100,
  modalTitle: 45,
} as const;

/** The flag that makes an interaction response visible only to the user who asked. */
export const EPHEMERAL_FLAG = 1 << 6;

/** Shortens `text` to at most `max` characters, ending with `…` when cut. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
