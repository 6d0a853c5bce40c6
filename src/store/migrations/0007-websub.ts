import type { ColumnDefinitionBuilder, Kysely } from 'kysely';
import type { StoreCapabilities } from '../capabilities.js';

/**
 * WebSub subscriptions, one per source. `source_id` has no foreign key on purpose: when a
 * source is removed its subscription must outlive it long enough to be unsubscribed.
 */
export const webSubMigration = (caps: StoreCapabilities) => ({
  async up(db: Kysely<unknown>): Promise<void> {
    const ts = caps.timestampType;
    const idType = caps.dialect === 'sqlite' ? 'integer' : 'bigint';
    const id = (c: ColumnDefinitionBuilder) =>
      caps.dialect === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey().generatedByDefaultAsIdentity();
    await db.schema
      .createTable('websub_subscriptions')
      .addColumn('id', idType, id)
      .addColumn('source_id', idType, (c) => c.notNull().unique())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('hub', 'text')
      .addColumn('topic', 'text')
      .addColumn('callback_token', 'text', (c) => c.notNull())
      .addColumn('secret', 'text', (c) => c.notNull())
      .addColumn('lease_seconds', 'integer')
      .addColumn('requested_at', ts)
      .addColumn('verified_at', ts)
      .addColumn('expires_at', ts)
      .addColumn('retry_at', ts)
      .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('last_error', 'text')
      .addColumn('last_content_at', ts)
      .execute();
  },
});
