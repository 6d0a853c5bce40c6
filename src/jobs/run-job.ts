import { asNewsdeskError, type NewsdeskError } from '../platform/errors.js';
import type { Logger } from '../platform/logger.js';
import type { Job } from '../store/repositories/jobs.js';
import type { JobCatalogue } from './catalogue.js';

export type JobRunResult =
  | { ok: true; skipped?: string }
  | { ok: false; error: NewsdeskError; thrown: unknown; /** No retry can mend it. */ permanent: boolean };

// An unknown kind or a payload the schema refuses fails the same way on every attempt.
const permanentCodes: ReadonlySet<string> = new Set(['JOB_KIND_UNKNOWN', 'JOB_PAYLOAD_INVALID']);

/** Runs one claimed job through its catalogue entry; never throws. */
export async function runJob(
  job: Job,
  catalogue: JobCatalogue,
  logger: Logger,
  signal: AbortSignal,
): Promise<JobRunResult> {
  try {
    const resolved = catalogue.resolve(job.kind, job.payload);
    const outcome = await resolved.run({
      jobId: job.id,
      kind: job.kind,
      attempt: job.attempts,
      maxAttempts: job.max_attempts,
      logger,
      signal,
    });
    return outcome && 'skipped' in outcome ? { ok: true, skipped: outcome.skipped } : { ok: true };
  } catch (thrown) {
    const error = asNewsdeskError(thrown);
    return { ok: false, error, thrown, permanent: permanentCodes.has(error.code) };
  }
}
