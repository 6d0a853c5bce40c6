import type { Kysely } from 'kysely';
import type { ArticleCredit, ArticleExtraction, PageMetadata } from '../../domain/extraction.js';
import type { Database } from '../schema.js';

/** Extracted article text and metadata, one row per article, replaced by re-extraction. */
export class ExtractionRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Stores an extraction (or its failure) with the page's paragraph fingerprints. */
  async save(extraction: ArticleExtraction, sourceId: number, fingerprints: readonly string[]): Promise<void> {
    const row =
      extraction.status === 'extracted'
        ? {
            status: 'extracted' as const,
            chosen: extraction.chosen,
            ...metadataColumns(extraction),
            text: extraction.text,
            html: extraction.html,
            credits: JSON.stringify(extraction.credits),
            error_code: null,
            error_message: null,
          }
        : {
            status: 'failed' as const,
            chosen: null,
            // Written even when absent, so that a failure never leaves an earlier extraction's metadata behind.
            ...metadataColumns(extraction.metadata),
            text: null,
            html: null,
            credits: null,
            error_code: extraction.errorCode,
            error_message: extraction.errorMessage.slice(0, 1000),
          };
    const values = { ...row, fingerprints: JSON.stringify(fingerprints), extracted_at: extraction.extractedAt };
    await this.db
      .insertInto('article_extractions')
      .values({ article_id: extraction.articleId, source_id: sourceId, ...values })
      .onConflict((oc) => oc.column('article_id').doUpdateSet(values))
      .execute();
  }

  async get(articleId: number): Promise<ArticleExtraction | null> {
    const r = await this.db.selectFrom('article_extractions').selectAll().where('article_id', '=', articleId).executeTakeFirst();
    if (!r) return null;
    const articleId_ = Number(r.article_id);
    const metadata: PageMetadata = {
      title: r.title,
      byline: r.byline,
      published: r.published,
      modified: r.modified,
      lang: r.lang,
      dir: r.dir === 'rtl' || r.dir === 'ltr' ? r.dir : null,
      siteName: r.site_name,
      canonicalUrl: r.canonical_url,
      image: r.image,
      description: r.description,
    };
    if (r.status !== 'extracted') {
      const stated = Object.values(metadata).some((value) => value !== null);
      return { articleId: articleId_, status: 'failed', errorCode: r.error_code ?? 'INTERNAL', errorMessage: r.error_message ?? '', metadata: stated ? metadata : null, extractedAt: r.extracted_at };
    }
    return {
      articleId: articleId_,
      status: 'extracted',
      chosen: r.chosen === 'feed' ? 'feed' : 'page',
      ...metadata,
      text: r.text ?? '',
      html: r.html ?? '',
      credits: r.credits ? (JSON.parse(r.credits) as ArticleCredit[]) : [],
      extractedAt: r.extracted_at,
    };
  }

  /** Paragraph fingerprints of a source's most recent extracted pages, newest first. */
  async recentFingerprints(sourceId: number, pages: number): Promise<string[][]> {
    const rows = await this.db
      .selectFrom('article_extractions')
      .select('fingerprints')
      .where('source_id', '=', sourceId)
      .where('status', '=', 'extracted')
      .orderBy('extracted_at', 'desc')
      .orderBy('article_id', 'desc')
      .limit(pages)
      .execute();
    return rows.map((r) => (r.fingerprints ? (JSON.parse(r.fingerprints) as string[]) : []));
  }

  /** Articles with a fetched page, in id order, optionally of one source: what re-extraction walks. */
  async withFetchedPages(options: { sourceId?: number; afterId: number; limit: number }): Promise<{ articleId: number; sourceId: number }[]> {
    let query = this.db
      .selectFrom('article_pages')
      .innerJoin('articles', 'articles.id', 'article_pages.article_id')
      .select(['articles.id', 'articles.source_id'])
      .where('article_pages.status', '=', 'fetched')
      .where('articles.id', '>', options.afterId);
    if (options.sourceId !== undefined) query = query.where('articles.source_id', '=', options.sourceId);
    const rows = await query.orderBy('articles.id').limit(options.limit).execute();
    return rows.map((r) => ({ articleId: Number(r.id), sourceId: Number(r.source_id) }));
  }

  async countWithFetchedPages(sourceId?: number): Promise<number> {
    let query = this.db
      .selectFrom('article_pages')
      .innerJoin('articles', 'articles.id', 'article_pages.article_id')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('article_pages.status', '=', 'fetched');
    if (sourceId !== undefined) query = query.where('articles.source_id', '=', sourceId);
    return Number((await query.executeTakeFirstOrThrow()).n);
  }
}

/** The metadata columns; all null when the page stated none, so that nothing of an earlier extraction stays. */
function metadataColumns(m: PageMetadata | null) {
  return {
    title: m?.title ?? null,
    byline: m?.byline ?? null,
    published: m?.published ?? null,
    modified: m?.modified ?? null,
    lang: m?.lang ?? null,
    dir: m?.dir ?? null,
    site_name: m?.siteName ?? null,
    canonical_url: m?.canonicalUrl ?? null,
    image: m?.image ?? null,
    description: m?.description ?? null,
  };
}
