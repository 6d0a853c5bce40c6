import type { Kysely } from 'kysely';
import type { StoreCapabilities } from '../capabilities.js';

/**
 * An index on every job's unique key, finished ones included: the scheduler asks "was this
 * period's job ever queued?", which the partial unique index (queued/running only) cannot answer.
 */
export const jobUniqueKeyIndexMigration = (_caps: StoreCapabilities) => ({
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.createIndex('jobs_unique_key').on('jobs').column('unique_key').execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropIndex('jobs_unique_key').execute();
  },
});
