import { sql, type ColumnDefinitionBuilder, type Kysely } from 'kysely';
import type { StoreCapabilities } from '../capabilities.js';

/** Sources with their fetch state, articles with full-text search, the job table, administrators. */
export const initialMigration = (caps: StoreCapabilities) => ({
  async up(db: Kysely<unknown>): Promise<void> {
    const ts = caps.timestampType;
    const id = (c: ColumnDefinitionBuilder) =>
      caps.dialect === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey().generatedByDefaultAsIdentity();
    const idType = caps.dialect === 'sqlite' ? 'integer' : 'bigint';

    await db.schema
      .createTable('sources')
      .addColumn('id', idType, id)
      .addColumn('url', 'text', (c) => c.notNull().unique())
      .addColumn('title', 'text')
      .addColumn('site_url', 'text')
      .addColumn('is_sample', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', ts, (c) => c.notNull())
      .addColumn('next_check_at', ts, (c) => c.notNull())
      .addColumn('last_checked_at', ts)
      .addColumn('last_success_at', ts)
      .addColumn('etag', 'text')
      .addColumn('last_modified', 'text')
      .addColumn('error_count', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('last_error_code', 'text')
      .addColumn('last_error_message', 'text')
      .execute();
    await db.schema.createIndex('sources_next_check').on('sources').column('next_check_at').execute();

    await db.schema
      .createTable('articles')
      .addColumn('id', idType, id)
      .addColumn('source_id', idType, (c) => c.notNull().references('sources.id').onDelete('cascade'))
      .addColumn('item_key', 'text', (c) => c.notNull())
      .addColumn('url', 'text')
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('summary', 'text')
      .addColumn('content', 'text')
      .addColumn('author', 'text')
      .addColumn('published_at', ts, (c) => c.notNull())
      .addColumn('first_seen_at', ts, (c) => c.notNull())
      .addColumn('lang', 'text')
      .addUniqueConstraint('articles_source_item', ['source_id', 'item_key'])
      .execute();
    // The home page reads the newest articles: this index serves it without a sort.
    await db.schema.createIndex('articles_newest').on('articles').columns(['published_at desc', 'id desc']).execute();
    await db.schema.createIndex('articles_by_source').on('articles').columns(['source_id', 'published_at']).execute();

    if (caps.dialect === 'sqlite') {
      // Contentless: the index holds normalised text (Arabic folded), not what is shown.
      await sql`create virtual table articles_fts using fts5(title, body, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2')`.execute(db);
      await sql`create trigger articles_fts_delete after delete on articles begin delete from articles_fts where rowid = old.id; end`.execute(db);
    } else {
      await db.schema
        .createTable('article_search')
        .addColumn('article_id', 'bigint', (c) => c.primaryKey().references('articles.id').onDelete('cascade'))
        .addColumn('document', sql`tsvector`, (c) => c.notNull())
        .execute();
      await sql`create index article_search_document on article_search using gin (document)`.execute(db);
    }

    await db.schema
      .createTable('jobs')
      .addColumn('id', idType, id)
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('payload', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('run_at', ts, (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('max_attempts', 'integer', (c) => c.notNull())
      .addColumn('unique_key', 'text')
      .addColumn('locked_by', 'text')
      .addColumn('locked_until', ts)
      .addColumn('last_error', 'text')
      .addColumn('created_at', ts, (c) => c.notNull())
      .addColumn('finished_at', ts)
      .execute();
    // Claims scan pending jobs in run_at order; expired leases are found through the same index.
    await db.schema.createIndex('jobs_pending').on('jobs').columns(['status', 'run_at']).execute();
    await db.schema
      .createIndex('jobs_unique_pending')
      .on('jobs')
      .column('unique_key')
      .unique()
      .where(sql.ref('status'), 'in', sql`('queued', 'running')`)
      .execute();

    await db.schema
      .createTable('users')
      .addColumn('id', idType, id)
      .addColumn('email', 'text', (c) => c.notNull().unique())
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('is_admin', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', ts, (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('sessions')
      .addColumn('id_hash', 'text', (c) => c.primaryKey())
      .addColumn('user_id', idType, (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('csrf_token', 'text', (c) => c.notNull())
      .addColumn('created_at', ts, (c) => c.notNull())
      .addColumn('expires_at', ts, (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('sign_in_attempts')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('window_start', ts, (c) => c.notNull())
      .addColumn('count', 'integer', (c) => c.notNull())
      .execute();
  },
});
