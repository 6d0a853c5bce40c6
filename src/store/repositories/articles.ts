import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Article, ArticleListing, NewArticle } from '../../domain/article.js';
import { NewsdeskError } from '../../platform/errors.js';
import type { StoreCapabilities } from '../capabilities.js';
import { createFullTextIndex } from '../full-text/full-text-index.js';
import type { ArticlesTable, Database } from '../schema.js';

/** An earlier version of an article, as it was before the source changed it. */
export interface ArticleRevision {
  url: string | null;
  title: string;
  summary: string | null;
  content: string | null;
  author: string | null;
  replacedAt: number;
}

/** Articles: stored once per (source, item key), searchable. */
export class ArticleRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly capabilities: StoreCapabilities,
  ) {}

  /**
   * Stores the articles not stored yet and indexes them for search, in one transaction;
   * returns the ids of the new ones. An item already stored whose title or text changed
   * becomes a revision of the same article (see `save`), never a second article.
   */
  async insertNew(articles: NewArticle[]): Promise<number[]> {
    return (await this.save(articles)).newIds;
  }

  /**
   * Stores new items and revises changed ones, in one transaction. A revised article keeps
   * its id, first-seen and publication times; the version it replaces goes to
   * `article_revisions` and the search index is updated.
   */
  async save(articles: NewArticle[]): Promise<{ newIds: number[]; revisedIds: number[] }> {
    if (articles.length === 0) return { newIds: [], revisedIds: [] };
    return this.db.transaction().execute(async (trx) => {
      const fullText = createFullTextIndex(trx, this.capabilities);
      const newIds: number[] = [];
      const revisedIds: number[] = [];
      const stored = await storedVersions(trx, articles);
      for (const article of articles) {
        const previous = stored.get(storedKey(article.sourceId, article.itemKey));
        if (previous) {
          if (!(await reviseIfChanged(trx, previous, article))) continue;
          revisedIds.push(previous.id);
          await fullText.index(previous.id, { title: article.title, body: article.content ?? article.summary ?? '' });
          continue;
        }
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
            seen_since: article.seenSince ?? null,
            lang: article.lang,
          })
          // Stored meanwhile by another worker, or listed twice in this batch: kept once.
          .onConflict((oc) => oc.columns(['source_id', 'item_key']).doNothing())
          .returning('id')
          .executeTakeFirst();
        if (!row) continue;
        newIds.push(Number(row.id));
        await fullText.index(Number(row.id), { title: article.title, body: article.content ?? article.summary ?? '' });
      }
      return { newIds, revisedIds };
    });
  }

  /** Earlier versions of an article, oldest first. */
  async revisions(articleId: number): Promise<ArticleRevision[]> {
    const rows = await this.db.selectFrom('article_revisions').selectAll().where('article_id', '=', articleId).orderBy('id').execute();
    return rows.map((r) => ({ url: r.url, title: r.title, summary: r.summary, content: r.content, author: r.author, replacedAt: r.replaced_at }));
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
    seenSince: row.seen_since === null ? null : Number(row.seen_since),
    lang: row.lang,
  };
}

type StoredVersion = Pick<Selectable<ArticlesTable>, 'url' | 'title' | 'summary' | 'content' | 'author'> & { id: number };

const storedKey = (sourceId: number, itemKey: string) => `${sourceId}\n${itemKey}`;

/** The stored versions of the batch's items, in one query per source and few hundred keys. */
async function storedVersions(trx: Transaction<Database>, articles: NewArticle[]): Promise<Map<string, StoredVersion>> {
  const keysBySource = new Map<number, string[]>();
  for (const a of articles) keysBySource.set(a.sourceId, [...(keysBySource.get(a.sourceId) ?? []), a.itemKey]);
  const stored = new Map<string, StoredVersion>();
  for (const [sourceId, keys] of keysBySource) {
    for (let i = 0; i < keys.length; i += 500) {
      const rows = await trx
        .selectFrom('articles')
        .select(['id', 'item_key', 'url', 'title', 'summary', 'content', 'author'])
        .where('source_id', '=', sourceId)
        .where('item_key', 'in', keys.slice(i, i + 500))
        .execute();
      for (const { item_key, ...row } of rows) stored.set(storedKey(sourceId, item_key), { ...row, id: Number(row.id) });
    }
  }
  return stored;
}

/**
 * When the item differs from its stored version in title or text, keeps the stored version
 * as a revision and updates the article; returns whether it did.
 */
async function reviseIfChanged(trx: Transaction<Database>, stored: StoredVersion, article: NewArticle): Promise<boolean> {
  if (stored.title === article.title && stored.summary === article.summary && stored.content === article.content) return false;
  await trx
    .insertInto('article_revisions')
    .values({ article_id: stored.id, url: stored.url, title: stored.title, summary: stored.summary, content: stored.content, author: stored.author, replaced_at: article.firstSeenAt })
    .execute();
  await trx
    .updateTable('articles')
    .set({ url: article.url, title: article.title, summary: article.summary, content: article.content, author: article.author })
    .where('id', '=', stored.id)
    .execute();
  return true;
}
