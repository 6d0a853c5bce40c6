import type { App } from '../../src/app/create-app.js';
import type { JobOutcome } from '../../src/jobs/catalogue.js';

/** Runs one job handler now, as a worker would, without queueing it. */
export function runJob(app: App, kind: string, payload: unknown): Promise<JobOutcome> {
  const resolved = app.catalogue.resolve(kind, JSON.stringify(payload));
  return resolved.run({ jobId: 0, kind, attempt: 1, maxAttempts: 1, logger: app.logger, signal: new AbortController().signal });
}

/** Claims every due job of the queue and runs it, as one worker pass would; returns the kinds run, in order. */
export async function runQueuedJobs(app: App): Promise<string[]> {
  const ran: string[] = [];
  for (;;) {
    const claimed = await app.jobs.claim('websub-test', 50, app.clock.now(), 60_000);
    if (claimed.length === 0) return ran;
    for (const job of claimed) {
      const payload = typeof job.payload === 'string' ? JSON.parse(job.payload) : job.payload;
      await runJob(app, job.kind, payload);
      await app.jobs.complete('websub-test', [job.id], app.clock.now());
      ran.push(job.kind);
    }
  }
}
