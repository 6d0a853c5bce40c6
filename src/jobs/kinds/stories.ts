import { z } from 'zod';
import { defineJob, type JobDefinition } from '../catalogue.js';

const assignPayload = z.object({});

/** Most articles one job assigns; the rest waits for the next run, so a backlog never holds a lease for long. */
const ARTICLES_PER_JOB = 5_000;

/**
 * `stories.assign`: places unassigned articles in stories, in id order, with the worker's warm
 * clusterer. Writes are checked against the stored stream position, so two runs at once (two
 * periods overlapping, or a recluster) cannot interleave: the later one stores nothing and its
 * articles are taken by the next run.
 */
export function assignStoriesJob(deps: {
  assignPending(limit: number): Promise<{ assigned: number; conflict: boolean }>;
}): JobDefinition<typeof assignPayload> {
  return defineJob({
    kind: 'stories.assign',
    payload: assignPayload,
    maxAttempts: 3,
    async handle(_payload, context) {
      const { assigned, conflict } = await deps.assignPending(ARTICLES_PER_JOB);
      if (conflict) return { skipped: 'another assignment moved the story stream; the next run continues' };
      if (assigned === 0) return { skipped: 'no unassigned article' };
      context.logger.info({ event: 'stories_assigned', assigned });
    },
  });
}
