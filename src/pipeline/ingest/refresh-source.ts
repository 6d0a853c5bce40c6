import type { NewArticle } from '../../domain/article.js';
import type { ParsedFeed } from '../../domain/feed.js';
import { nextCheckAfterFailure, nextCheckAfterSuccess, publishingInterval, type ScheduleBounds } from '../../domain/schedule.js';
import type { Source, SourceDocument } from '../../domain/source.js';
import type { Clock } from '../../platform/clock.js';
import { asNewsdeskError, type NewsdeskError } from '../../platform/errors.js';
import type { Logger } from '../../platform/logger.js';
import { itemsToArticles } from './items-to-articles.js';
import { parseSourceDocument } from './parse-source-document.js';

/** How sources are scheduled: interval bounds, and how many failures in a row pause a source. */
export interface RefreshPolicy {
  bounds: ScheduleBounds;
  pauseAfterFailures: number;
}

/** The parts refreshing needs, passed in by the composition root. */
export interface RefreshDependencies {
  sources: {
    get(id: number): Promise<Source>;
    recordSuccess(
      id: number,
      update: { checkedAt: number; nextCheckAt: number; etag: string | null; lastModified: string | null; title: string | null; siteUrl: string | null; latencyMs: number },
    ): Promise<void>;
    recordFailure(id: number, failure: { checkedAt: number; nextCheckAt: number; code: string; message: string }): Promise<number>;
    pause(id: number, reason: string, now: number): Promise<void>;
  };
  articles: { insertNew(articles: NewArticle[]): Promise<number[]> };
  readSource(source: Source): Promise<SourceDocument>;
  parseFeed(body: Uint8Array, options: { url?: string; contentType?: string }): ParsedFeed;
  /** Fetches a child sitemap of a sitemap index source. */
  fetchDocument?(url: string): Promise<{ body: Uint8Array; finalUrl: string }>;
  clock: Clock;
  logger: Logger;
  policy: RefreshPolicy;
  /** How long polling may wait for a source whose content arrives by WebSub push; null when it does not. */
  pushPollIntervalMs?(sourceId: number, now: number): Promise<number | null>;
}

export type RefreshOutcome =
  | { status: 'updated'; sourceId: number; newArticleIds: number[]; items: number }
  | { status: 'not-modified'; sourceId: number }
  | { status: 'failed'; sourceId: number; code: string; message: string; paused: boolean };

/**
 * Refreshes one source, top to bottom: read it (conditional GET) → parse the feed → turn
 * items into articles → store the new ones → record the fetch state and schedule the next
 * check from how often the source publishes. A failure is recorded on the source (code,
 * message, backoff; a pause after too many in a row) and returned, never thrown: one broken
 * source does not stop the others, and nothing already stored is touched. The scheduler's
 * job and the `refresh` command call this same function.
 */
export async function refreshSource(sourceId: number, deps: RefreshDependencies): Promise<RefreshOutcome> {
  const source = await deps.sources.get(sourceId);
  const log = deps.logger.child({ source_id: sourceId });
  const startedAt = deps.clock.now();
  try {
    const document = await deps.readSource(source);
    const checkedAt = deps.clock.now();
    const latencyMs = checkedAt - startedAt;
    if (document.notModified) {
      const nextCheckAt = nextCheckAfterSuccess(checkedAt, { bounds: deps.policy.bounds, publishingIntervalMs: null, maxAgeSeconds: document.maxAgeSeconds });
      await deps.sources.recordSuccess(sourceId, { checkedAt, nextCheckAt: await laterIfPushed(sourceId, checkedAt, nextCheckAt, deps), etag: source.etag, lastModified: source.lastModified, title: null, siteUrl: null, latencyMs });
      log.info({ event: 'source_not_modified', duration_ms: latencyMs });
      return { status: 'not-modified', sourceId };
    }
    // A feed, or a sitemap for sites without one.
    const feed = await parseSourceDocument(document, deps);
    // New items appeared since the last successful check (a 304 counts: nothing was new then).
    const articles = itemsToArticles(feed, sourceId, checkedAt, source.lastSuccessAt);
    const newArticleIds = await deps.articles.insertNew(articles);
    const nextCheckAt = nextCheckAfterSuccess(checkedAt, {
      bounds: deps.policy.bounds,
      publishingIntervalMs: publishingInterval(articles.map((a) => a.publishedAt)),
      ttlMinutes: feed.ttl,
      maxAgeSeconds: document.maxAgeSeconds,
      skipHours: feed.skipHours,
      skipDays: feed.skipDays,
    });
    await deps.sources.recordSuccess(sourceId, {
      checkedAt,
      nextCheckAt: await laterIfPushed(sourceId, checkedAt, nextCheckAt, deps),
      etag: document.etag,
      lastModified: document.lastModified,
      title: feed.title,
      siteUrl: feed.link,
      latencyMs,
    });
    log.info({ event: 'source_refreshed', items: articles.length, new_articles: newArticleIds.length, duration_ms: deps.clock.now() - startedAt });
    return { status: 'updated', sourceId, newArticleIds, items: articles.length };
  } catch (error) {
    return recordFailure(source, error, deps);
  }
}

async function recordFailure(source: Source, error: unknown, deps: RefreshDependencies): Promise<RefreshOutcome> {
  const e = asNewsdeskError(error);
  const checkedAt = deps.clock.now();
  const failures = await deps.sources.recordFailure(source.id, {
    checkedAt,
    // A server that said when to come back (Retry-After) is not asked sooner than that.
    nextCheckAt: nextCheckAfterFailure(checkedAt, deps.policy.bounds.defaultMs, source.errorCount + 1, Math.random, checkedAt + retryAfterMs(e)),
    code: e.code,
    message: e.message,
  });
  const log = deps.logger.child({ source_id: source.id });
  log.warn({ event: 'source_refresh_failed', error_code: e.code, consecutive_failures: failures, err: e });
  // Being asked to slow down is not a broken source: rate limits back off but never pause it.
  const paused = failures >= deps.policy.pauseAfterFailures && e.code !== 'FETCH_RATE_LIMITED';
  if (paused) {
    await deps.sources.pause(source.id, `${failures} failures in a row, the last ${e.code}: ${e.message}`, checkedAt);
    log.warn({ event: 'source_paused', consecutive_failures: failures });
  }
  return { status: 'failed', sourceId: source.id, code: e.code, message: e.message, paused };
}

function retryAfterMs(error: NewsdeskError): number {
  const value = error.context?.['retryAfterMs'];
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

/** A source whose content is pushed to us (WebSub) is polled only as a safety net, much less often. */
async function laterIfPushed(sourceId: number, checkedAt: number, nextCheckAt: number, deps: RefreshDependencies): Promise<number> {
  const interval = await deps.pushPollIntervalMs?.(sourceId, checkedAt);
  return interval ? Math.max(nextCheckAt, checkedAt + interval) : nextCheckAt;
}
