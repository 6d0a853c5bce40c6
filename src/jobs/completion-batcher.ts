import type { Clock } from '../platform/clock.js';
import type { Logger } from '../platform/logger.js';
import type { JobRepository } from '../store/repositories/jobs.js';

const maxBatch = 500;

/**
 * Records finished jobs as done in batches: every job that finishes while a write is in
 * flight (or in the same turn of the event loop) goes into the next single UPDATE. One commit
 * per batch instead of one per job is most of a worker's throughput on trivial jobs.
 */
export class CompletionBatcher {
  private pending: number[] = [];
  private inFlight: Promise<void> | undefined;

  constructor(
    private readonly jobs: JobRepository,
    private readonly clock: Clock,
    private readonly workerId: string,
    private readonly log: Logger,
    /** Told which ids were written, and which of them were still this worker's. */
    private readonly recorded: (ids: number[], kept: number[]) => void,
  ) {}

  add(id: number): void {
    this.pending.push(id);
    this.inFlight ??= this.drain();
  }

  /** Resolves once everything added so far is written (or its write failed and was logged). */
  async flush(): Promise<void> {
    while (this.inFlight) await this.inFlight;
  }

  private async drain(): Promise<void> {
    // Let the handlers that finish in this same turn join the first batch.
    await new Promise<void>((resolve) => setImmediate(resolve));
    try {
      while (this.pending.length > 0) {
        const ids = this.pending.splice(0, maxBatch);
        let kept: number[] = [];
        try {
          kept = await this.jobs.complete(this.workerId, ids, this.clock.now());
          const keptIds = new Set(kept);
          const lost = ids.filter((id) => !keptIds.has(id));
          if (lost.length > 0) {
            this.log.warn(
              { event: 'job_lease_lost', job_ids: lost },
              'finished jobs had passed to another worker',
            );
          }
        } catch (error) {
          // Not lost: the jobs stay running under this worker's lease and run again after it expires.
          this.log.error(
            { event: 'job_outcome_unrecorded', err: error, job_ids: ids },
            'could not mark jobs done',
          );
        }
        this.recorded(ids, kept);
      }
    } finally {
      this.inFlight = undefined;
    }
  }
}
