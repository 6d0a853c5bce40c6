import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import type { Kysely } from 'kysely';
import type { Database, PageStatus } from '../schema.js';

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

/** An article whose page has not been looked at yet. */
export interface PageCandidate {
  articleId: number;
  /** Articles of the bundled sample are a snapshot: their pages are never fetched. */
  fromSample: boolean;
  url: string | null;
  content: string | null;
  summary: string | null;
}

/** A fetched page, decompressed. */
export interface StoredPage {
  articleId: number;
  status: PageStatus;
  url: string;
  finalUrl: string | null;
  contentType: string | null;
  body: Buffer | null;
  fetchedAt: number | null;
  errorCode: string | null;
  reason: string | null;
}

/** The web pages behind articles, kept as fetched (gzip-compressed) for extraction. */
export class PageRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Recent articles with no page row yet, oldest first. */
  async candidates(firstSeenSince: number, limit: number): Promise<PageCandidate[]> {
    const rows = await this.db
      .selectFrom('articles')
      .leftJoin('article_pages', 'article_pages.article_id', 'articles.id')
      .innerJoin('sources', 'sources.id', 'articles.source_id')
      .select(['articles.id', 'articles.url', 'articles.content', 'articles.summary', 'sources.is_sample'])
      .where('article_pages.article_id', 'is', null)
      .where('articles.first_seen_at', '>=', firstSeenSince)
      .orderBy('articles.id')
      .limit(limit)
      .execute();
    return rows.map((r) => ({ articleId: Number(r.id), fromSample: r.is_sample === 1, url: r.url, content: r.content, summary: r.summary }));
  }

  /** Records the decision for each candidate; rows that already exist are left alone. */
  async decide(decisions: { articleId: number; url: string; status: 'pending' | 'skipped'; reason: string | null }[], now: number): Promise<void> {
    if (decisions.length === 0) return;
    await this.db
      .insertInto('article_pages')
      .values(decisions.map((d) => ({ article_id: d.articleId, url: d.url, status: d.status, reason: d.reason, created_at: now })))
      .onConflict((oc) => oc.column('article_id').doNothing())
      .execute();
  }

  /** Pages still pending although decided before `decidedBefore`: their fetch job may have been lost. */
  async stalePending(decidedBefore: number, limit: number): Promise<number[]> {
    const rows = await this.db
      .selectFrom('article_pages')
      .select('article_id')
      .where('status', '=', 'pending')
      .where('created_at', '<', decidedBefore)
      .orderBy('article_id')
      .limit(limit)
      .execute();
    return rows.map((r) => Number(r.article_id));
  }

  async get(articleId: number): Promise<StoredPage | null> {
    const row = await this.db.selectFrom('article_pages').selectAll().where('article_id', '=', articleId).executeTakeFirst();
    if (!row) return null;
    return {
      articleId: Number(row.article_id),
      status: row.status,
      url: row.url,
      finalUrl: row.final_url,
      contentType: row.content_type,
      body: row.body_gzip ? await gunzipAsync(row.body_gzip) : null,
      fetchedAt: row.fetched_at,
      errorCode: row.error_code,
      reason: row.reason,
    };
  }

  async recordFetched(articleId: number, page: { finalUrl: string; contentType: string | null; body: Uint8Array }, now: number): Promise<void> {
    await this.db
      .updateTable('article_pages')
      .set({
        status: 'fetched',
        final_url: page.finalUrl,
        content_type: page.contentType,
        body_gzip: await gzipAsync(page.body),
        body_bytes: page.body.byteLength,
        error_code: null,
        reason: null,
        fetched_at: now,
      })
      .where('article_id', '=', articleId)
      .execute();
  }

  async recordUnfetched(articleId: number, outcome: { status: 'failed' | 'skipped'; code: string | null; reason: string }, now: number): Promise<void> {
    await this.db
      .updateTable('article_pages')
      .set({ status: outcome.status, error_code: outcome.code, reason: outcome.reason.slice(0, 500), fetched_at: now })
      .where('article_id', '=', articleId)
      .execute();
  }

  async countByStatus(): Promise<Record<PageStatus, number>> {
    const rows = await this.db.selectFrom('article_pages').select(['status', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('status').execute();
    const counts: Record<PageStatus, number> = { pending: 0, fetched: 0, failed: 0, skipped: 0 };
    for (const r of rows) counts[r.status] = Number(r.n);
    return counts;
  }
}
