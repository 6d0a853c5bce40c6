import type { Kysely, Selectable } from 'kysely';
import type { Article, ArticleListing, NewArticle } from '../../domain/article.js';
import { NewsdeskError } from '../../platform/errors.js';
import type { StoreCapabilities } from '../capabilities.js';
import { createFullTextIndex } from '../full-text/full-text-index.js';
import type { ArticlesTable, Database } from '../schema.js';

/** Articles: stored once per (source, item key), searchable. */
export class ArticleRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly capabilities: StoreCapabilities,
  ) {}

  /**
   * Stores the articles not stored yet and indexes them for search, in one transaction;
   * returns the ids of the new ones. Items already stored are left as they are.
   */
  async insertNew(articles: NewArticle[]): Promise<number[]> {
    if (articles.length === 0) return [];
    return this.db.transaction().execute(async (trx) => {
      const fullText = createFullTextIndex(trx, this.capabilities);
      const ids: number[] = [];
      for (const article of articles) {
        const row = await trx
          .insertInto('articles')
          .values({
            source_id: article.sourceId,
            item_key: article.itemKey,
            url: article.url,
            title: article.title,
            summary: article.summary,
            content: article.content,
            author: article.author,
            published_at: article.publishedAt,
            first_seen_at: article.firstSeenAt,
            lang: article.lang,
          })
          .onConflict((oc) => oc.columns(['source_id', 'item_key']).doNothing())
          .returning('id')
          .executeTakeFirst();
        if (!row) continue;
        const id = Number(row.id);
        ids.push(id);
        await fullText.index(id, { title: article.title, body: article.content ?? article.summary ?? '' });
      }
      return ids;
    });
  }

  async get(id: number): Promise<Article> {
    const row = await this.db.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw new NewsdeskError('NOT_FOUND', `There is no article ${id}.`);
    return toArticle(row);
  }

  async count(): Promise<number> {
    const row = await this.db.selectFrom('articles').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** The newest articles across all sources, with their source's name. */
  async newest(limit: number): Promise<ArticleListing[]> {
    const rows = await this.db
      .selectFrom('articles')
      .innerJoin('sources', 'sources.id', 'articles.source_id')
      .select([
        'articles.id',
        'articles.title',
        'articles.url',
        'articles.published_at',
        'articles.source_id',
        'sources.title as source_title',
        'sources.url as source_url',
        'sources.is_sample as source_is_sample',
      ])
      .orderBy('articles.published_at', 'desc')
      .orderBy('articles.id', 'desc')
      .limit(limit)
      .execute();
    return rows.map((r) => ({
      id: Number(r.id),
      title: r.title,
      url: r.url,
      publishedAt: r.published_at,
      sourceId: Number(r.source_id),
      sourceTitle: r.source_title,
      sourceUrl: r.source_url,
      sourceIsSample: r.source_is_sample === 1,
    }));
  }

  /** Articles matching a full-text query, best first. */
  async search(query: string, limit = 50): Promise<Article[]> {
    const ids = await createFullTextIndex(this.db, this.capabilities).search(query, { limit });
    if (ids.length === 0) return [];
    const rows = await this.db.selectFrom('articles').selectAll().where('id', 'in', ids).execute();
    const byId = new Map(rows.map((r) => [Number(r.id), toArticle(r)]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }
}

function toArticle(row: Selectable<ArticlesTable>): Article {
  return {
    id: Number(row.id),
    sourceId: Number(row.source_id),
    itemKey: row.item_key,
    url: row.url,
    title: row.title,
    summary: row.summary,
    content: row.content,
    author: row.author,
    publishedAt: row.published_at,
    firstSeenAt: row.first_seen_at,
    lang: row.lang,
  };
}
