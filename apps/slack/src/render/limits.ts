/**
 * Block Kit limits the renderer keeps to, in characters or counts. Sources: Slack's Block Kit reference
 * (docs.slack.dev, block and element pages) as summarised in shared/reference/quiz-and-platforms.md.
 */
export const SLACK_LIMITS = {
  blocksPerMessage: 50,
  sectionText: 3000,
  fieldsPerSection: 10,
  fieldText: 2000,
  headerText: 150,
  contextElements: 10,
  buttonText: 75,
  buttonValue: 2000,
  actionId: 255,
  actionsElements: 25,
  imageAlt: 2000,
  /** Not a documented limit: a 13.2k-character message was refused (`msg_blocks_too_long`). */
  messageTextBudget: 12_000,
} as const;

/** Shortens `text` to at most `max` characters, ending with `…` when cut. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
