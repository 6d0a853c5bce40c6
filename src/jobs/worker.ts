import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Logger } from '../platform/logger.js';
import type { Job } from '../store/repositories/jobs.js';
import { CompletionBatcher } from './completion-batcher.js';
import { LeaseKeeper } from './lease-keeper.js';
import { runJob, type JobRunResult } from './run-job.js';
import { WakeSignal } from './wake-signal.js';
import type { StopResult, WorkerDependencies, WorkerOptions, WorkerStats } from './worker-options.js';

export type { StopResult, WorkerDependencies, WorkerOptions, WorkerStats };

interface RunningJob {
  controller: AbortController;
  done: Promise<void>;
}

/**
 * Claims due jobs in batches, runs up to `concurrency` handlers at once, keeps their leases alive,
 * and records each outcome. It knows nothing of what jobs do: the catalogue does.
 */
export class Worker {
  readonly id: string;
  private readonly options: Required<WorkerOptions>;
  private readonly log: Logger;
  private readonly wakeSignal = new WakeSignal();
  private readonly waiting: Job[] = [];
  private readonly running = new Map<number, RunningJob>();
  /** Every job this worker holds a lease on: waiting, running, or finished but not yet recorded. */
  private readonly held = new Set<number>();
  private readonly completions: CompletionBatcher;
  private readonly counters: WorkerStats = {
    claimed: 0,
    completed: 0,
    skipped: 0,
    retried: 0,
    failed: 0,
    lost: 0,
  };
  private state: 'new' | 'running' | 'stopping' | 'stopped' = 'new';
  private loopDone: Promise<void> = Promise.resolve();
  private stopping: Promise<StopResult> | undefined;
  private readonly leases: LeaseKeeper;
  /** Set when stop() stopped waiting: late handlers then write nothing, their leases decide. */
  private gaveUp = false;
  private lastReap = 0;

  constructor(
    private readonly deps: WorkerDependencies,
    options: WorkerOptions,
  ) {
    this.id = options.workerId ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    this.options = {
      workerId: this.id,
      concurrency: options.concurrency,
      batchSize: options.batchSize ?? options.concurrency,
      leaseMs: options.leaseMs,
      heartbeatMs: options.heartbeatMs ?? Math.max(100, Math.floor(options.leaseMs / 3)),
      idleDelayMs: options.idleDelayMs ?? 1_000,
      drainTimeoutMs: options.drainTimeoutMs ?? 30_000,
    };
    this.log = deps.logger.child({ worker_id: this.id });
    this.completions = new CompletionBatcher(deps.jobs, deps.clock, this.id, this.log, (ids, kept) => {
      this.counters.completed += kept.length;
      this.counters.lost += ids.length - kept.length;
      for (const id of ids) this.held.delete(id);
    });
    this.leases = new LeaseKeeper(
      { jobs: deps.jobs, clock: deps.clock, log: this.log },
      { workerId: this.id, leaseMs: this.options.leaseMs, periodMs: this.options.heartbeatMs },
      () => [...this.held],
      (ids) => this.abortLost(ids),
    );
  }

  /** Starts polling. Call once. */
  start(): void {
    if (this.state !== 'new') throw new Error(`Worker ${this.id} was already started.`);
    this.state = 'running';
    this.leases.start();
    this.loopDone = this.loop();
    this.log.info({ event: 'worker_started', concurrency: this.options.concurrency }, 'worker started');
  }

  /** Something was queued: poll now instead of after the idle delay. */
  notify(): void {
    this.wakeSignal.wake();
  }

  stats(): WorkerStats {
    return { ...this.counters };
  }

  /** Handlers running right now. */
  get busy(): number {
    return this.running.size;
  }

  /**
   * Stops claiming, hands back claimed jobs that had not started, waits up to `timeoutMs` for
   * running handlers, records their outcomes, and returns. Safe to call more than once.
   */
  stop(timeoutMs = this.options.drainTimeoutMs): Promise<StopResult> {
    if (this.state === 'new') this.state = 'stopped';
    if (this.state === 'stopped') return this.stopping ?? Promise.resolve({ drained: true, unfinished: 0 });
    this.stopping ??= this.drain(timeoutMs);
    return this.stopping;
  }

  private async drain(timeoutMs: number): Promise<StopResult> {
    this.state = 'stopping';
    this.wakeSignal.wake();
    await this.loopDone;
    const notStarted = this.waiting.splice(0).map((job) => job.id);
    await this.deps.jobs.release(this.id, notStarted).catch((error: unknown) => {
      this.log.warn(
        { event: 'job_release_failed', err: error },
        'claimed jobs wait for their lease to expire',
      );
    });
    for (const id of notStarted) this.held.delete(id);

    let timer: NodeJS.Timeout | undefined;
    const finished = Promise.allSettled([...this.running.values()].map((job) => job.done)).then(() => true);
    const timedOut = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
    const drained = await Promise.race([finished, timedOut]);
    clearTimeout(timer);
    const unfinished = this.running.size;
    this.gaveUp = !drained;
    for (const job of this.running.values()) job.controller.abort(new Error('The worker is stopping.'));
    await this.completions.flush();
    this.leases.stop();
    this.state = 'stopped';
    this.log.info({ event: 'worker_stopped', drained, unfinished, ...this.counters }, 'worker stopped');
    return { drained, unfinished };
  }

  private async loop(): Promise<void> {
    let failures = 0;
    while (this.state === 'running') {
      if (this.running.size >= this.options.concurrency || this.waiting.length > 0) {
        await this.wakeSignal.wait(this.options.idleDelayMs);
        continue;
      }
      let claimed: Job[];
      try {
        claimed = await this.deps.jobs.claim(
          this.id,
          this.options.batchSize,
          this.deps.clock.now(),
          this.options.leaseMs,
        );
        failures = 0;
      } catch (error) {
        failures++;
        this.log.error({ event: 'job_claim_failed', err: error, failures }, 'could not claim jobs');
        await this.wakeSignal.wait(Math.min(30_000, this.options.idleDelayMs * 2 ** failures));
        continue;
      }
      for (const job of claimed) {
        // A job of ours whose lease ran out (a missed heartbeat) came back to us: the claim renewed
        // the lease, and the run already under way will record the outcome. Never run it twice.
        if (this.held.has(job.id)) continue;
        this.counters.claimed++;
        this.held.add(job.id);
        this.waiting.push(job);
      }
      this.dispatch();
      if (claimed.length < this.options.batchSize) await this.reapAbandoned();
      if (claimed.length === 0) await this.wakeSignal.wait(this.options.idleDelayMs);
    }
  }

  private dispatch(): void {
    while (
      this.state === 'running' &&
      this.running.size < this.options.concurrency &&
      this.waiting.length > 0
    ) {
      const job = this.waiting.shift()!;
      const controller = new AbortController();
      const done = this.execute(job, controller.signal).finally(() => {
        this.running.delete(job.id);
        this.dispatch();
        this.wakeSignal.wake();
      });
      this.running.set(job.id, { controller, done });
    }
  }

  private async execute(job: Job, signal: AbortSignal): Promise<void> {
    const logger = this.deps.logger.child({ job_id: job.id, job_kind: job.kind, attempt: job.attempts });
    const startedAt = this.deps.clock.now();
    const result = await runJob(job, this.deps.catalogue, logger, signal);
    if (this.gaveUp) return; // stop() stopped waiting: the lease decides what happens to it
    if (!result.ok) return this.recordFailure(job, result, logger);
    if (result.skipped !== undefined) {
      this.counters.skipped++;
      logger.info({ event: 'job_skipped', reason: result.skipped }, 'job skipped');
    } else {
      logger.debug({ event: 'job_done', duration_ms: this.deps.clock.now() - startedAt }, 'job done');
    }
    this.completions.add(job.id);
  }

  private async recordFailure(job: Job, result: JobRunResult & { ok: false }, logger: Logger): Promise<void> {
    const { error, thrown, permanent } = result;
    try {
      const now = this.deps.clock.now();
      const outcome = await this.deps.jobs.fail(this.id, job, `${error.code}: ${error.message}`, now, {
        permanent,
      });
      if (outcome.status === 'queued') {
        this.counters.retried++;
        logger.warn(
          { event: 'job_retry_scheduled', err: thrown, retry_at: outcome.retryAt },
          'job failed; retry scheduled',
        );
      } else if (outcome.status === 'failed') {
        this.counters.failed++;
        logger.error({ event: 'job_failed', err: thrown, permanent }, 'job failed for good');
      } else {
        this.counters.lost++;
        logger.warn(
          { event: 'job_lease_lost', err: thrown },
          'job failed after its lease passed to another worker',
        );
      }
    } catch (dbError) {
      logger.error(
        { event: 'job_outcome_unrecorded', err: dbError },
        'job failure not recorded; the lease will expire',
      );
    } finally {
      this.held.delete(job.id);
    }
  }

  /** Another worker took these jobs after their lease ran out: tell the handlers still on them to give up. */
  private abortLost(ids: number[]): void {
    for (const id of ids) {
      const running = this.running.get(id);
      if (!running) continue;
      running.controller.abort(new Error('The job lease passed to another worker.'));
      this.log.warn({ event: 'job_lease_lost', job_id: id }, 'job lease lost while running');
    }
  }

  /** Now and then, fails jobs whose worker died on their last attempt. */
  private async reapAbandoned(): Promise<void> {
    const now = this.deps.clock.now();
    if (now - this.lastReap < this.options.leaseMs) return;
    this.lastReap = now;
    try {
      const failed = await this.deps.jobs.failAbandoned(now);
      if (failed > 0)
        this.log.warn(
          { event: 'jobs_abandoned', count: failed },
          'jobs failed after their last lease expired',
        );
    } catch (error) {
      this.log.error({ event: 'job_reap_failed', err: error }, 'could not fail abandoned jobs');
    }
  }
}
