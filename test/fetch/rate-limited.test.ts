import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Source } from '../../src/domain/source.js';
import { fetchUrl, type FetchOptions } from '../../src/pipeline/fetch/fetch-url.js';
import { createSourceReader } from '../../src/pipeline/fetch/read-source.js';
import { parseRetryAfter, RETRY_AFTER_MAX_MS } from '../../src/pipeline/fetch/retry-after.js';
import { refreshSource, type RefreshDependencies } from '../../src/pipeline/ingest/refresh-source.js';
import { parseFeed } from '../../src/pipeline/parse/parse-feed.js';
import { manualClock } from '../../src/platform/clock.js';
import { createLogger } from '../../src/platform/logger.js';
import { startNewsWeb, type NewsWeb } from '../support/news-web.js';

let web: NewsWeb;
const options: FetchOptions = {
  userAgent: 'Newsdesk-test',
  timeoutMs: 3000,
  maxBytes: 64 * 1024,
  allowPrivateNetworks: true,
};
const rateLimited = (retryAfterMs: number | null, status: number) => ({
  code: 'FETCH_RATE_LIMITED',
  context: { status, retryAfterMs },
});

beforeAll(async () => {
  web = await startNewsWeb();
});
afterAll(() => web.close());

describe('429 and 503', () => {
  it('turns 429 with Retry-After in seconds or as a date into FETCH_RATE_LIMITED with the wait', async () => {
    await expect(fetchUrl(web.url('/too-many-requests?retry-after=90'), options)).rejects.toMatchObject(
      rateLimited(90_000, 429),
    );
    const inTenMinutes = new Date(Date.now() + 600_000).toUTCString();
    const error = await fetchUrl(
      web.url(`/too-many-requests?retry-after=${encodeURIComponent(inTenMinutes)}`),
      options,
    ).catch((e: unknown) => e);
    const wait = (error as { context: { retryAfterMs: number } }).context.retryAfterMs;
    expect(wait).toBeGreaterThan(590_000);
    expect(wait).toBeLessThanOrEqual(600_000);
  });

  it('treats 429 without Retry-After as rate limiting with no stated wait', async () => {
    await expect(fetchUrl(web.url('/too-many-requests'), options)).rejects.toMatchObject(
      rateLimited(null, 429),
    );
  });

  it('treats 503 as rate limiting only when it says when to come back', async () => {
    await expect(fetchUrl(web.url('/unavailable?retry-after=30'), options)).rejects.toMatchObject(
      rateLimited(30_000, 503),
    );
    await expect(fetchUrl(web.url('/unavailable'), options)).rejects.toMatchObject({
      code: 'FETCH_HTTP_STATUS',
      context: { status: 503 },
    });
  });

  it('clamps a Retry-After to between a second and a day, and ignores nonsense', () => {
    const now = Date.UTC(2026, 10, 1);
    expect(parseRetryAfter('0', now)).toBe(1000);
    expect(parseRetryAfter('31536000', now)).toBe(RETRY_AFTER_MAX_MS);
    expect(parseRetryAfter('Sun, 01 Nov 2026 00:00:05 GMT', now)).toBe(5000);
    expect(parseRetryAfter('Sat, 31 Oct 2026 00:00:00 GMT', now)).toBe(1000);
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter(undefined, now)).toBeNull();
  });
});

describe('refreshing a rate-limited source', () => {
  it('schedules the next check no earlier than the server asked, even when the backoff is shorter', async () => {
    const clock = manualClock(Date.now());
    const source = aSource(web.url('/too-many-requests?retry-after=7200'));
    const failures: { nextCheckAt: number; code: string }[] = [];
    const deps: RefreshDependencies = {
      sources: {
        get: async () => source,
        recordSuccess: async () => undefined,
        recordFailure: async (_id, failure) => failures.push(failure),
        pause: async () => undefined,
      },
      articles: { insertNew: async () => [] },
      readSource: createSourceReader({ ...options, sampleDir: '.' }),
      parseFeed,
      clock,
      logger: createLogger({ level: 'silent' }),
      // A one-minute backoff: far shorter than the two hours the server asked for.
      policy: { bounds: { minMs: 60_000, maxMs: 3_600_000, defaultMs: 60_000 }, pauseAfterFailures: 10 },
    };
    const outcome = await refreshSource(source.id, deps);
    expect(outcome).toMatchObject({ status: 'failed', code: 'FETCH_RATE_LIMITED' });
    expect(failures[0]!.nextCheckAt).toBeGreaterThanOrEqual(clock.now() + 7_200_000);
    expect(failures[0]!.nextCheckAt).toBeLessThan(clock.now() + 7_300_000);
  });
});

function aSource(url: string): Source {
  return {
    id: 1,
    url,
    title: null,
    siteUrl: null,
    isSample: false,
    createdAt: 0,
    nextCheckAt: 0,
    lastCheckedAt: null,
    lastSuccessAt: null,
    etag: null,
    lastModified: null,
    errorCount: 0,
    lastErrorCode: null,
    lastErrorMessage: null,
    pausedAt: null,
    pauseReason: null,
    fetchCount: 0,
    meanLatencyMs: null,
  };
}
