import { z } from 'zod';
import type { ExtractionOutcome } from '../../pipeline/ingest/extract-article-page.js';
import type { PageOutcome } from '../../pipeline/ingest/fetch-article-page.js';
import { defineJob, type JobDefinition } from '../catalogue.js';
import type { JobQueue } from '../job-queue.js';

const pageFetchPayload = z.object({ articleId: z.number().int().positive() });

/**
 * `pages.fetch`: fetches one article's web page; transient failures are retried with backoff.
 * A fetched page is handed on to `pages.extract`.
 */
export function pageFetchJob(deps: {
  fetchArticlePage(articleId: number, options: { finalAttempt: boolean }): Promise<PageOutcome>;
  queueExtraction(articleId: number): Promise<unknown>;
}): JobDefinition<typeof pageFetchPayload> {
  return defineJob({
    kind: 'pages.fetch',
    payload: pageFetchPayload,
    maxAttempts: 4,
    async handle({ articleId }, context) {
      const outcome = await deps.fetchArticlePage(articleId, { finalAttempt: context.attempt >= context.maxAttempts });
      if (outcome.status !== 'fetched') return { skipped: outcome.reason };
      await deps.queueExtraction(articleId);
    },
  });
}

/**
 * `pages.extract`: extracts the article from its fetched page (safe to run again: it replaces
 * the result), then lets story assignment go on: the article was waiting for this text.
 */
export function pageExtractJob(deps: {
  extractArticlePage(articleId: number): Promise<ExtractionOutcome>;
  afterExtraction(): Promise<unknown>;
}): JobDefinition<typeof pageFetchPayload> {
  return defineJob({
    kind: 'pages.extract',
    payload: pageFetchPayload,
    maxAttempts: 2,
    async handle({ articleId }) {
      const outcome = await deps.extractArticlePage(articleId);
      await deps.afterExtraction();
      if (outcome.status === 'skipped') return { skipped: outcome.reason };
      if (outcome.status === 'failed') return { skipped: `extraction failed (${outcome.code}); the feed's text is kept` };
    },
  });
}

/**
 * `pages.decide`: marks which new articles need their page and queues a fetch for each; then
 * story assignment may go on, since it now knows which articles wait for their page's text.
 */
export function decidePagesJob(deps: {
  decidePages(): Promise<number[]>;
  queue: JobQueue;
  fetchJob: JobDefinition<typeof pageFetchPayload>;
  afterDecided(): Promise<unknown>;
}): JobDefinition<z.ZodObject<Record<string, never>>> {
  return defineJob({
    kind: 'pages.decide',
    payload: z.object({}),
    maxAttempts: 1,
    async handle(_payload, context) {
      const pending = await deps.decidePages();
      const queued = pending.length
        ? await deps.queue.enqueueMany(
            deps.fetchJob,
            pending.map((articleId) => ({ payload: { articleId }, uniqueKey: `pages.fetch:${articleId}` })),
          )
        : 0;
      await deps.afterDecided();
      if (pending.length === 0) return { skipped: 'no new article needs its page' };
      context.logger.info({ event: 'page_fetches_queued', pending: pending.length, queued });
    },
  });
}
