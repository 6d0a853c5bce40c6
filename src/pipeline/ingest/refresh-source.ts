import type { NewArticle } from '../../domain/article.js';
import type { ParsedFeed } from '../../domain/feed.js';
import { nextCheckAfterFailure, nextCheckAfterSuccess } from '../../domain/schedule.js';
import type { Source, SourceDocument } from '../../domain/source.js';
import type { Clock } from '../../platform/clock.js';
import { asNewsdeskError } from '../../platform/errors.js';
import type { Logger } from '../../platform/logger.js';
import { itemsToArticles } from './items-to-articles.js';

/** The parts refreshing needs, passed in by the composition root. */
export interface RefreshDependencies {
  sources: {
    get(id: number): Promise<Source>;
    recordSuccess(id: number, update: { checkedAt: number; nextCheckAt: number; etag: string | null; lastModified: string | null; title: string | null; siteUrl: string | null }): Promise<void>;
    recordFailure(id: number, failure: { checkedAt: number; nextCheckAt: number; code: string; message: string }): Promise<void>;
  };
  articles: { insertNew(articles: NewArticle[]): Promise<number[]> };
  readSource(source: Source): Promise<SourceDocument>;
  parseFeed(body: Uint8Array, options: { url?: string; contentType?: string }): ParsedFeed;
  clock: Clock;
  logger: Logger;
  refreshIntervalMs: number;
}

export type RefreshOutcome =
  | { status: 'updated'; sourceId: number; newArticleIds: number[]; items: number }
  | { status: 'not-modified'; sourceId: number }
  | { status: 'failed'; sourceId: number; code: string; message: string };

/**
 * Refreshes one source, top to bottom: read it (conditional GET) → parse the feed → turn
 * items into articles → store the new ones → record the fetch state and the next check.
 * A failure is recorded on the source (code, message, backoff) and returned, never thrown:
 * one broken source does not stop the others, and nothing already stored is touched.
 * The scheduler's job and the `refresh` command call this same function.
 */
export async function refreshSource(sourceId: number, deps: RefreshDependencies): Promise<RefreshOutcome> {
  const source = await deps.sources.get(sourceId);
  const log = deps.logger.child({ source_id: sourceId });
  const startedAt = deps.clock.now();
  try {
    const document = await deps.readSource(source);
    const checkedAt = deps.clock.now();
    const nextCheckAt = nextCheckAfterSuccess(checkedAt, deps.refreshIntervalMs);
    if (document.notModified) {
      await deps.sources.recordSuccess(sourceId, { checkedAt, nextCheckAt, etag: source.etag, lastModified: source.lastModified, title: null, siteUrl: null });
      log.info({ event: 'source_not_modified', duration_ms: checkedAt - startedAt });
      return { status: 'not-modified', sourceId };
    }
    const feed = deps.parseFeed(document.body, { url: document.finalUrl, ...(document.contentType ? { contentType: document.contentType } : {}) });
    const articles = itemsToArticles(feed, sourceId, checkedAt);
    const newArticleIds = await deps.articles.insertNew(articles);
    await deps.sources.recordSuccess(sourceId, {
      checkedAt,
      nextCheckAt,
      etag: document.etag,
      lastModified: document.lastModified,
      title: feed.title,
      siteUrl: feed.link,
    });
    log.info({ event: 'source_refreshed', items: articles.length, new_articles: newArticleIds.length, duration_ms: deps.clock.now() - startedAt });
    return { status: 'updated', sourceId, newArticleIds, items: articles.length };
  } catch (error) {
    const e = asNewsdeskError(error);
    const checkedAt = deps.clock.now();
    await deps.sources.recordFailure(sourceId, {
      checkedAt,
      nextCheckAt: nextCheckAfterFailure(checkedAt, deps.refreshIntervalMs, source.errorCount + 1),
      code: e.code,
      message: e.message,
    });
    log.warn({ event: 'source_refresh_failed', error_code: e.code, err: e });
    return { status: 'failed', sourceId, code: e.code, message: e.message };
  }
}
