import { Migrator } from 'kysely';
import { NewsdeskError } from '../platform/errors.js';
import type { Store } from './database.js';
import { migrationProvider, migrations } from './migrations/index.js';

/** Applies every pending migration; returns the names applied. */
export async function migrateToLatest(store: Store): Promise<string[]> {
  const migrator = migratorFor(store);
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new NewsdeskError('MIGRATION_FAILED', `Migration ${failed} failed: ${(error as Error).message}`, { cause: error });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Names of migrations this version knows that the database has not applied. */
export async function pendingMigrations(store: Store): Promise<string[]> {
  const migrator = migratorFor(store);
  const applied = new Set((await migrator.getMigrations()).filter((m) => m.executedAt).map((m) => m.name));
  return Object.keys(migrations).filter((name) => !applied.has(name));
}

// Kysely looks for its bookkeeping tables by name across every schema unless told which one:
// name the schema, so databases that hold several Newsdesk schemas (tests) stay apart.
function migratorFor(store: Store): Migrator {
  return new Migrator({
    db: store.db,
    provider: migrationProvider(store.capabilities),
    ...(store.schema ? { migrationTableSchema: store.schema } : {}),
  });
}
