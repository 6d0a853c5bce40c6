import { Migrator } from 'kysely';
import { NewsdeskError } from '../platform/errors.js';
import type { Store } from './database.js';
import { migrationProvider, migrations } from './migrations/index.js';

/** Applies every pending migration; returns the names applied. */
export async function migrateToLatest(store: Store): Promise<string[]> {
  const migrator = new Migrator({ db: store.db, provider: migrationProvider(store.capabilities) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new NewsdeskError('MIGRATION_FAILED', `Migration ${failed} failed: ${(error as Error).message}`, { cause: error });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Names of migrations this version knows that the database has not applied. */
export async function pendingMigrations(store: Store): Promise<string[]> {
  const migrator = new Migrator({ db: store.db, provider: migrationProvider(store.capabilities) });
  const applied = new Set((await migrator.getMigrations()).filter((m) => m.executedAt).map((m) => m.name));
  return Object.keys(migrations).filter((name) => !applied.has(name));
}
