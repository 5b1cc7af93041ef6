import { type Kysely, type Migration, Migrator } from 'kysely';
import { initialMigration } from './001-initial.js';
import { dailyRatingsReviewMigration } from './002-daily-ratings-review.js';

/** Every migration, by name; names sort in the order they run. Never edit one that has shipped. */
export const migrations: Record<string, Migration> = {
  '001-initial': initialMigration,
  '002-daily-ratings-review': dailyRatingsReviewMigration,
};

/**
 * Brings the database up to the latest migration. Safe when several instances start at once: Kysely
 * takes an advisory lock on PostgreSQL, and SQLite has one writer.
 *
 * @param schema PostgreSQL schema that holds the migration bookkeeping (the search path's first).
 * @throws Error with the failing migration's error as `cause`.
 */
export async function migrateToLatest(db: Kysely<unknown>, schema?: string): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    ...(schema === undefined ? {} : { migrationTableSchema: schema }),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error !== undefined) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`store: migration ${failed} failed`, { cause: error });
  }
}
