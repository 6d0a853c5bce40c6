import type { ColumnDefinitionBuilder, Kysely } from 'kysely';
import { normaliseUrlForIdentity } from '../../pipeline/ingest/url-identity.js';
import type { StoreCapabilities } from '../capabilities.js';

/**
 * Sources get a category (the folder path of an OPML import, `News / World`), and articles
 * keep their earlier versions: when a stored item comes back with another title or text,
 * the version it replaces is written to `article_revisions`. Stored item keys are rewritten
 * to the normalised links that identify items from now on, so no stored item comes back as
 * a new article after the upgrade.
 */
export const sourceCategoryArticleRevisionsMigration = (caps: StoreCapabilities) => ({
  async up(db: Kysely<unknown>): Promise<void> {
    const ts = caps.timestampType;
    const idType = caps.dialect === 'sqlite' ? 'integer' : 'bigint';
    const id = (c: ColumnDefinitionBuilder) =>
      caps.dialect === 'sqlite'
        ? c.primaryKey().autoIncrement()
        : c.primaryKey().generatedByDefaultAsIdentity();
    await db.schema.alterTable('sources').addColumn('category', 'text').execute();
    await db.schema
      .createTable('article_revisions')
      .addColumn('id', idType, id)
      .addColumn('article_id', idType, (c) => c.notNull().references('articles.id').onDelete('cascade'))
      .addColumn('url', 'text')
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('summary', 'text')
      .addColumn('content', 'text')
      .addColumn('author', 'text')
      // When this version was replaced by a newer one.
      .addColumn('replaced_at', ts, (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('article_revisions_by_article')
      .on('article_revisions')
      .columns(['article_id', 'id'])
      .execute();
    await normaliseStoredItemKeys(db);
  },
});

interface KeyedArticles {
  articles: { id: number; source_id: number; item_key: string };
}

/**
 * Rewrites `link:` keys, and `guid:` keys that are links, to their normalised form (as
 * `itemIdentity` now makes them), a thousand rows at a time. A key whose normalised form
 * another article of the source already has is left as it is.
 */
export async function normaliseStoredItemKeys(untyped: Kysely<unknown>): Promise<number> {
  const db = untyped as Kysely<KeyedArticles>;
  let after = 0;
  let rewritten = 0;
  for (;;) {
    const rows = await db
      .selectFrom('articles')
      .select(['id', 'source_id', 'item_key'])
      .where('id', '>', after)
      .where((eb) => eb.or([eb('item_key', 'like', 'link:%'), eb('item_key', 'like', 'guid:http%')]))
      .orderBy('id')
      .limit(1000)
      .execute();
    if (rows.length === 0) return rewritten;
    for (const row of rows) {
      const key = normalisedKey(row.item_key);
      if (key === row.item_key) continue;
      const taken = await db
        .selectFrom('articles')
        .select('id')
        .where('source_id', '=', row.source_id)
        .where('item_key', '=', key)
        .executeTakeFirst();
      if (taken) continue;
      await db.updateTable('articles').set({ item_key: key }).where('id', '=', row.id).execute();
      rewritten++;
    }
    after = Number(rows[rows.length - 1]!.id);
  }
}

function normalisedKey(key: string): string {
  const colon = key.indexOf(':');
  const kind = key.slice(0, colon);
  const value = key.slice(colon + 1);
  if (kind === 'guid' && !/^https?:\/\//i.test(value)) return key;
  return `${kind}:${normaliseUrlForIdentity(value) ?? value}`;
}
