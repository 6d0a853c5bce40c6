import type { Clock } from '../../platform/clock.js';
import { asNewsdeskError, NewsdeskError } from '../../platform/errors.js';
import type { Logger } from '../../platform/logger.js';
import { needsPage } from './needs-page.js';

/** The parts page fetching needs, passed in by the composition root. */
export interface PageDependencies {
  pages: {
    candidates(firstSeenSince: number, limit: number): Promise<{ articleId: number; fromSample: boolean; url: string | null; content: string | null; summary: string | null }[]>;
    decide(decisions: { articleId: number; url: string; status: 'pending' | 'skipped'; reason: string | null }[], now: number): Promise<void>;
    stalePending(decidedBefore: number, limit: number): Promise<number[]>;
    get(articleId: number): Promise<{ status: string; url: string } | null>;
    recordFetched(articleId: number, page: { finalUrl: string; contentType: string | null; body: Uint8Array }, now: number): Promise<void>;
    recordUnfetched(articleId: number, outcome: { status: 'failed' | 'skipped'; code: string | null; reason: string }, now: number): Promise<void>;
  };
  /** robots.txt for article pages: the feed was subscribed to, the pages were not. */
  robots: { verdict(url: string): Promise<{ allowed: boolean; temporary: boolean; retryAfterMs?: number }> };
  fetchPage(url: string): Promise<{ finalUrl: string; contentType: string | null; body: Uint8Array }>;
  clock: Clock;
  logger: Logger;
}

export type PageOutcome = { status: 'fetched'; bytes: number } | { status: 'skipped' | 'failed'; reason: string };

/** How far back new articles are considered for page fetching: older ones are history. */
export const PAGE_CANDIDATE_WINDOW_MS = 3 * 24 * 3_600_000;

/** A page pending for this long without being fetched has lost its job; it is queued again. */
export const STALE_PENDING_MS = 15 * 60_000;

/**
 * Looks at recent articles that have no page decision yet: those whose feed gave only a
 * summary are marked pending; the rest are marked skipped with the reason. Returns the ids
 * to queue a fetch for: the new pending ones and any left pending too long. State lives in
 * the page rows, so a crash anywhere only means the next run looks again.
 */
export async function decidePages(deps: PageDependencies, limit = 500): Promise<number[]> {
  const now = deps.clock.now();
  const candidates = await deps.pages.candidates(now - PAGE_CANDIDATE_WINDOW_MS, limit);
  const decisions = candidates.map((c) => {
    // The bundled sample is a snapshot shipped for a first look: it sends no traffic to its publishers.
    const verdict = c.fromSample ? { fetch: false as const, reason: 'an article of the bundled sample' } : needsPage(c);
    return verdict.fetch
      ? { articleId: c.articleId, url: c.url!, status: 'pending' as const, reason: null }
      : { articleId: c.articleId, url: c.url ?? '', status: 'skipped' as const, reason: verdict.reason };
  });
  await deps.pages.decide(decisions, now);
  const stale = await deps.pages.stalePending(now - STALE_PENDING_MS, limit);
  return [...new Set([...decisions.filter((d) => d.status === 'pending').map((d) => d.articleId), ...stale])];
}

const HTML = /^(text\/html|application\/xhtml\+xml)\b/i;
// Worth another attempt later; anything else (404, refused address, wrong type) is final.
const TRANSIENT = new Set(['SOURCE_UNREACHABLE', 'FETCH_TIMEOUT', 'FETCH_RATE_LIMITED']);

/**
 * Fetches one article's page, top to bottom: check it is still pending → robots.txt →
 * fetch → keep it if it is HTML. A transient failure is thrown so the job is retried with
 * backoff, unless this is the last attempt; then, like any other failure, it is recorded.
 */
export async function fetchArticlePage(articleId: number, deps: PageDependencies, options: { finalAttempt: boolean }): Promise<PageOutcome> {
  const page = await deps.pages.get(articleId);
  if (!page || page.status !== 'pending') return { status: 'skipped', reason: `the page is ${page?.status ?? 'gone'}` };
  const log = deps.logger.child({ article_id: articleId });
  const robots = await deps.robots.verdict(page.url);
  if (!robots.allowed && robots.temporary && !options.finalAttempt) {
    // The site's robots.txt could not be read: it is closed for now, not for good.
    throw new NewsdeskError('FETCH_RATE_LIMITED', `robots.txt of ${page.url} could not be read; trying later.`, {
      context: { retryAfterMs: robots.retryAfterMs ?? null },
    });
  }
  if (!robots.allowed) {
    await deps.pages.recordUnfetched(articleId, { status: 'skipped', code: null, reason: 'robots.txt disallows it' }, deps.clock.now());
    log.info({ event: 'page_disallowed', url: page.url });
    return { status: 'skipped', reason: 'robots.txt disallows it' };
  }
  try {
    const fetched = await deps.fetchPage(page.url);
    if (fetched.contentType && !HTML.test(fetched.contentType)) {
      const reason = `not a web page (${fetched.contentType.split(';')[0]})`;
      await deps.pages.recordUnfetched(articleId, { status: 'skipped', code: null, reason }, deps.clock.now());
      return { status: 'skipped', reason };
    }
    await deps.pages.recordFetched(articleId, fetched, deps.clock.now());
    log.info({ event: 'page_fetched', bytes: fetched.body.byteLength });
    return { status: 'fetched', bytes: fetched.body.byteLength };
  } catch (error) {
    const e = asNewsdeskError(error);
    if (TRANSIENT.has(e.code) && !options.finalAttempt) throw e;
    await deps.pages.recordUnfetched(articleId, { status: 'failed', code: e.code, reason: e.message }, deps.clock.now());
    log.warn({ event: 'page_fetch_failed', error_code: e.code });
    return { status: 'failed', reason: e.message };
  }
}
