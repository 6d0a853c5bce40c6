import { z } from 'zod';
import type { Clock } from '../platform/clock.js';
import type { JobRepository } from '../store/repositories/jobs.js';
import { defineJob } from './catalogue.js';

/**
 * Retention as a job: removes done and failed jobs that finished more than `keepMs` ago.
 * Queue it from the scheduler (e.g. hourly) so the job table stays small.
 */
export function pruneFinishedJobs(jobs: JobRepository, clock: Clock, keepMs: number) {
  return defineJob({
    kind: 'jobs.prune-finished',
    payload: z.object({}),
    maxAttempts: 3,
    async handle(_payload, context) {
      const removed = await jobs.removeFinished(clock.now() - keepMs);
      if (removed === 0) return { skipped: 'no finished job is old enough' };
      context.logger.info({ event: 'jobs_pruned', count: removed }, 'old finished jobs removed');
    },
  });
}
