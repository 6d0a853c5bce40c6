import { z } from 'zod';
import type { RefreshOutcome } from '../../pipeline/ingest/refresh-source.js';
import { NewsdeskError } from '../../platform/errors.js';
import { defineJob, type JobDefinition } from '../catalogue.js';
import type { JobQueue } from '../job-queue.js';

const sourceRefreshPayload = z.object({ sourceId: z.number().int().positive() });
const refreshDuePayload = z.object({});

/**
 * `sources.refresh`: refreshes one source. A failed fetch is already recorded on the source
 * with its own backoff, so the job itself succeeds; retrying it would only fetch too soon.
 */
export function sourceRefreshJob(deps: {
  refreshSource(sourceId: number): Promise<RefreshOutcome>;
  /** Queues what follows new articles (their pages, their stories) instead of waiting for the next period. */
  afterNewArticles(): Promise<unknown>;
}): JobDefinition<typeof sourceRefreshPayload> {
  return defineJob({
    kind: 'sources.refresh',
    payload: sourceRefreshPayload,
    maxAttempts: 3,
    async handle({ sourceId }, context) {
      try {
        const outcome = await deps.refreshSource(sourceId);
        if (outcome.status === 'failed') return { skipped: `fetch failed (${outcome.code}); the source backs off` };
        if (outcome.status === 'updated' && outcome.newArticleIds.length > 0) await deps.afterNewArticles();
      } catch (error) {
        if (error instanceof NewsdeskError && error.code === 'SOURCE_NOT_FOUND') {
          context.logger.info({ event: 'source_gone', source_id: sourceId });
          return { skipped: 'the source was removed' };
        }
        throw error;
      }
    },
  });
}

/**
 * `sources.refresh-due`: queues a `sources.refresh` job for every source whose next check has
 * come. One job per source at a time: the unique key keeps a slow source from piling up.
 */
export function refreshDueSourcesJob(deps: {
  dueSourceIds(now: number, limit: number): Promise<number[]>;
  queue: JobQueue;
  refreshJob: JobDefinition<typeof sourceRefreshPayload>;
  now(): number;
  batchSize?: number;
}): JobDefinition<typeof refreshDuePayload> {
  return defineJob({
    kind: 'sources.refresh-due',
    payload: refreshDuePayload,
    maxAttempts: 1,
    async handle(_payload, context) {
      const ids = await deps.dueSourceIds(deps.now(), deps.batchSize ?? 1000);
      if (ids.length === 0) return { skipped: 'no source is due' };
      const queued = await deps.queue.enqueueMany(
        deps.refreshJob,
        ids.map((sourceId) => ({ payload: { sourceId }, uniqueKey: `sources.refresh:${sourceId}` })),
      );
      context.logger.info({ event: 'due_sources_queued', due: ids.length, queued });
    },
  });
}
