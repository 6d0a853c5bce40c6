import { sql, type Kysely } from 'kysely';
import { searchDocument, searchQueryWords } from '../../pipeline/text/search-terms.js';
import type { StoreCapabilities } from '../capabilities.js';
import type { Database } from '../schema.js';

/** Full-text search over articles, the same on both databases: FTS5 on SQLite, tsvector on PostgreSQL. */
export interface FullTextIndex {
  /** Adds or replaces an article's entry. Text is normalised (Unicode, Arabic) before indexing. */
  index(articleId: number, doc: { title: string; body: string }): Promise<void>;
  /** Article ids matching every word of the query, best first. */
  search(query: string, options?: { limit?: number }): Promise<number[]>;
}

export function createFullTextIndex(db: Kysely<Database>, caps: StoreCapabilities): FullTextIndex {
  return caps.dialect === 'sqlite' ? sqliteIndex(db) : postgresIndex(db);
}

function sqliteIndex(db: Kysely<Database>): FullTextIndex {
  return {
    async index(articleId, doc) {
      await sql`delete from articles_fts where rowid = ${articleId}`.execute(db);
      await sql`insert into articles_fts (rowid, title, body) values (${articleId}, ${searchDocument(doc.title)}, ${searchDocument(doc.body)})`.execute(db);
    },
    async search(query, options = {}) {
      const words = searchQueryWords(query);
      if (words.length === 0) return [];
      // Each word is a quoted FTS5 string, so no query syntax from the user reaches FTS5.
      const match = words.map((w) => `"${w.replaceAll('"', '""')}"`).join(' ');
      const rows = await sql<{ rowid: number }>`select rowid from articles_fts where articles_fts match ${match} order by bm25(articles_fts, 3.0, 1.0) limit ${options.limit ?? 50}`.execute(db);
      return rows.rows.map((r) => Number(r.rowid));
    },
  };
}

function postgresIndex(db: Kysely<Database>): FullTextIndex {
  return {
    async index(articleId, doc) {
      await sql`insert into article_search (article_id, document)
        values (${articleId}, setweight(to_tsvector('simple', ${searchDocument(doc.title)}), 'A') || to_tsvector('simple', ${searchDocument(doc.body)}))
        on conflict (article_id) do update set document = excluded.document`.execute(db);
    },
    async search(query, options = {}) {
      const words = searchQueryWords(query);
      if (words.length === 0) return [];
      // plainto_tsquery treats the text as words joined by AND: no operators from the user.
      const rows = await sql<{ article_id: number }>`select article_id from article_search, plainto_tsquery('simple', ${words.join(' ')}) q
        where document @@ q order by ts_rank(document, q) desc, article_id desc limit ${options.limit ?? 50}`.execute(db);
      return rows.rows.map((r) => Number(r.article_id));
    },
  };
}
