import type { Kysely } from 'kysely';
import type { StoreCapabilities } from '../capabilities.js';

/** Source health (fetch count, latency) and pausing a source that keeps failing. */
export const sourceHealthMigration = (caps: StoreCapabilities) => ({
  async up(db: Kysely<unknown>): Promise<void> {
    const ts = caps.timestampType;
    await db.schema.alterTable('sources').addColumn('paused_at', ts).execute();
    await db.schema.alterTable('sources').addColumn('pause_reason', 'text').execute();
    await db.schema.alterTable('sources').addColumn('fetch_count', 'integer', (c) => c.notNull().defaultTo(0)).execute();
    await db.schema.alterTable('sources').addColumn('latency_total_ms', ts, (c) => c.notNull().defaultTo(0)).execute();
    // Items per day are counted from articles first seen in the last week.
    await db.schema.createIndex('articles_source_first_seen').on('articles').columns(['source_id', 'first_seen_at']).execute();
  },
});
