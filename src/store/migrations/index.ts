import type { Kysely, Migration, MigrationProvider } from 'kysely';
import type { StoreCapabilities } from '../capabilities.js';
import { initialMigration } from './0001-initial.js';

/** A migration that may read what the dialect can do. */
export type DialectMigration = (capabilities: StoreCapabilities) => {
  up(db: Kysely<unknown>): Promise<void>;
  down?(db: Kysely<unknown>): Promise<void>;
};

/** Every migration in order. Names sort in the order they apply; never rename one that shipped. */
export const migrations: Record<string, DialectMigration> = {
  '0001-initial': initialMigration,
};

export function migrationProvider(capabilities: StoreCapabilities): MigrationProvider {
  return {
    async getMigrations() {
      const built: Record<string, Migration> = {};
      for (const [name, migration] of Object.entries(migrations)) built[name] = migration(capabilities);
      return built;
    },
  };
}
