import type { Kysely } from 'kysely';
import type { StoreCapabilities } from '../capabilities.js';

/**
 * When an article could first have appeared: the source's previous successful check before the
 * one that found it (or the moment a WebSub push delivered it). A first-seen time is only that
 * precise, and provenance weighs it so. Null for articles stored before, and for a source's
 * first check, where an item may be of any age.
 */
export const articleSeenSinceMigration = (caps: StoreCapabilities) => ({
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('articles').addColumn('seen_since', caps.timestampType).execute();
  },
});
