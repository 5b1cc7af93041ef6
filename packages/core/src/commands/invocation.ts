/** The platforms a command can arrive from. */
export type Platform = 'slack' | 'discord' | 'cli' | 'playground' | 'scheduler';

/** Who asked, as far as the bot needs to know: an id on a platform and a display name. */
export interface Caller {
  id: string;
  name: string;
  /** May change channel settings (daily subscription, stopping others' quizzes). Checked by the bot. */
  isAdmin: boolean;
}

/**
 * One command as an adapter hands it to the core: the platform payload reduced to the command name,
 * its raw argument text and who/where it came from.
 */
export interface Invocation {
  platform: Platform;
  /** Command name without the slash, e.g. `kvcache`. */
  command: string;
  /** The raw argument text, e.g. `llama-70b 128k batch=8`. */
  text: string;
  user: Caller;
  channel: { id: string; name?: string };
  team: { id: string };
}
