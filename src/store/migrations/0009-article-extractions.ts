import type { Kysely } from 'kysely';
import type { StoreCapabilities } from '../capabilities.js';

/**
 * What extraction made of each fetched article page, and the paragraph fingerprints each
 * page held, from which a source's repeated paragraphs (its boilerplate) are learned.
 */
export const articleExtractionsMigration = (caps: StoreCapabilities) => ({
  async up(db: Kysely<unknown>): Promise<void> {
    const ts = caps.timestampType;
    const idType = caps.dialect === 'sqlite' ? 'integer' : 'bigint';
    await db.schema
      .createTable('article_extractions')
      .addColumn('article_id', idType, (c) => c.primaryKey().references('articles.id').onDelete('cascade'))
      .addColumn('source_id', idType, (c) => c.notNull().references('sources.id').onDelete('cascade'))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('chosen', 'text')
      .addColumn('title', 'text')
      .addColumn('byline', 'text')
      .addColumn('published', 'text')
      .addColumn('modified', 'text')
      .addColumn('lang', 'text')
      .addColumn('dir', 'text')
      .addColumn('site_name', 'text')
      .addColumn('canonical_url', 'text')
      .addColumn('image', 'text')
      .addColumn('description', 'text')
      .addColumn('text', 'text')
      .addColumn('html', 'text')
      .addColumn('credits', 'text')
      .addColumn('fingerprints', 'text')
      .addColumn('error_code', 'text')
      .addColumn('error_message', 'text')
      .addColumn('extracted_at', ts, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('article_extractions_source').on('article_extractions').columns(['source_id', 'extracted_at']).execute();
  },
});
