import type { z } from 'zod';
import type { Clock } from '../platform/clock.js';
import type { Logger } from '../platform/logger.js';
import type { EnqueueResult } from '../store/repositories/jobs.js';
import type { JobDefinition } from './catalogue.js';
import type { JobQueue } from './job-queue.js';

/** A job queued once per period, e.g. "every 60 s, `sources.refresh-due`". */
export interface RecurringJob {
  /** Stable name; part of each period's unique key. */
  readonly name: string;
  readonly everyMs: number;
  enqueue(queue: JobQueue, periodStart: number): Promise<EnqueueResult>;
}

/** Declares a recurring job, its payload checked against the kind's schema. */
export function recurring<Schema extends z.ZodType>(
  definition: JobDefinition<Schema>,
  options: {
    everyMs: number;
    name?: string;
    payload: z.input<Schema> | ((periodStart: number) => z.input<Schema>);
  },
): RecurringJob {
  if (!(options.everyMs >= 1_000))
    throw new Error(`A recurring job runs at most every second, not every ${options.everyMs} ms.`);
  const name = options.name ?? definition.kind;
  return Object.freeze({
    name,
    everyMs: options.everyMs,
    enqueue: (queue: JobQueue, periodStart: number) => {
      const make = options.payload;
      const payload =
        typeof make === 'function' ? (make as (start: number) => z.input<Schema>)(periodStart) : make;
      // Periods are aligned on the epoch, so every process computes the same key for the same period;
      // the `ever` scope keeps it from running twice even when the first run already finished.
      return queue.enqueue(definition, payload, {
        uniqueKey: `schedule:${name}:${periodStart}`,
        uniqueScope: 'ever',
      });
    },
  });
}

/**
 * Queues each recurring job once per period. Any number of processes may run a scheduler
 * against one database: the period's unique key lets only the first one queue it.
 */
export class Scheduler {
  private timer: NodeJS.Timeout | undefined;
  private ticking: Promise<unknown> = Promise.resolve();
  private stopped = false;

  constructor(
    private readonly deps: { queue: JobQueue; clock: Clock; logger: Logger },
    private readonly jobs: readonly RecurringJob[],
  ) {
    const names = new Set(jobs.map((job) => job.name));
    if (names.size !== jobs.length) throw new Error('Two recurring jobs share a name.');
  }

  /** Queues the current period's jobs now, then again at each period boundary until `stop()`. */
  start(): void {
    this.run();
  }

  /** Queues every recurring job for the period `now` falls in; returns how many were new. */
  async tick(): Promise<number> {
    const now = this.deps.clock.now();
    let created = 0;
    for (const job of this.jobs) {
      const periodStart = now - (now % job.everyMs);
      const result = await job.enqueue(this.deps.queue, periodStart);
      if (result.created) {
        created++;
        this.deps.logger.info(
          { event: 'recurring_job_queued', name: job.name, job_id: result.id, period_start: periodStart },
          'recurring job queued',
        );
      }
    }
    return created;
  }

  /** No more ticks; waits for one in progress. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.ticking;
  }

  private run(): void {
    if (this.stopped || this.jobs.length === 0) return;
    let retrySoon = false;
    this.ticking = this.tick().catch((error: unknown) => {
      retrySoon = true;
      this.deps.logger.error({ event: 'recurring_job_failed', err: error }, 'could not queue recurring jobs');
    });
    void this.ticking.then(() => {
      if (this.stopped) return;
      const delay = retrySoon ? 5_000 : this.untilNextPeriod();
      this.timer = setTimeout(() => this.run(), delay);
    });
  }

  private untilNextPeriod(): number {
    const now = this.deps.clock.now();
    const next = Math.min(...this.jobs.map((job) => now - (now % job.everyMs) + job.everyMs));
    return Math.max(10, next - now);
  }
}
