import { type Corpus, loadBuiltinCorpus } from '@mlsys/corpus';
import { UserError } from '@mlsys/errors';
import type { Services } from '../../ports/services.js';
import type { Store } from '../../ports/store.js';
import type { Invocation } from '../invocation.js';

/**
 * The bot's store.
 *
 * @throws UserError `bot/no-store` when the bot runs without one.
 */
export function storeOf(services: Services): Store {
  if (!services.store) {
    throw new UserError('bot/no-store', 'This needs a database, and this bot runs without one.', {
      example: 'DATABASE_URL=postgres://… or a SQLite file under the data directory',
    });
  }
  return services.store;
}

/** The question corpus: the one the bot was given, else the shipped one. */
export async function corpusOf(services: Services): Promise<Corpus> {
  return services.corpus ?? (await loadBuiltinCorpus());
}

/**
 * Refuses callers who are not admins: the bot checks, because server admins can change who may use
 * a command (shared/reference/quiz-and-platforms.md, Discord: "admin-only commands must also check
 * permissions in the bot").
 *
 * @throws UserError `bot/admin-only`.
 */
export function assertAdmin(invocation: Pick<Invocation, 'user'>, what: string): void {
  if (!invocation.user.isAdmin) {
    throw new UserError('bot/admin-only', `Only a channel admin can ${what}.`, { example: '/daily status' });
  }
}
