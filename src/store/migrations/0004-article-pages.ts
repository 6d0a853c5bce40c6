import { sql, type Kysely } from 'kysely';
import type { StoreCapabilities } from '../capabilities.js';

/**
 * The web page behind each article whose feed carried only a summary, stored as fetched
 * (gzip-compressed) for extraction to work on. A row's absence means "not looked at yet".
 */
export const articlePagesMigration = (caps: StoreCapabilities) => ({
  async up(db: Kysely<unknown>): Promise<void> {
    const ts = caps.timestampType;
    const idType = caps.dialect === 'sqlite' ? 'integer' : 'bigint';
    await db.schema
      .createTable('article_pages')
      .addColumn('article_id', idType, (c) => c.primaryKey().references('articles.id').onDelete('cascade'))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('reason', 'text')
      .addColumn('url', 'text', (c) => c.notNull())
      .addColumn('final_url', 'text')
      .addColumn('content_type', 'text')
      .addColumn('body_gzip', caps.dialect === 'sqlite' ? 'blob' : sql`bytea`)
      .addColumn('body_bytes', 'integer')
      .addColumn('error_code', 'text')
      .addColumn('created_at', ts, (c) => c.notNull())
      .addColumn('fetched_at', ts)
      .execute();
    await db.schema.createIndex('article_pages_status').on('article_pages').column('status').execute();
  },
});
