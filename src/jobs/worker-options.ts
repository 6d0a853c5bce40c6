import type { Clock } from '../platform/clock.js';
import type { Logger } from '../platform/logger.js';
import type { JobRepository } from '../store/repositories/jobs.js';
import type { JobCatalogue } from './catalogue.js';

export interface WorkerOptions {
  /** Written to `locked_by`; unique per process. Defaults to host, pid and a random suffix. */
  workerId?: string;
  /** Handlers running at once. */
  concurrency: number;
  /** Jobs taken per claim; defaults to `concurrency`. */
  batchSize?: number;
  /** How long a claimed job stays this worker's without a heartbeat. */
  leaseMs: number;
  /** Heartbeat period; defaults to a third of the lease. */
  heartbeatMs?: number;
  /** Pause between polls when nothing is due; `notify()` cuts it short. */
  idleDelayMs?: number;
  /** How long `stop()` waits for running handlers before leaving them to lease expiry. */
  drainTimeoutMs?: number;
}

export interface WorkerDependencies {
  jobs: JobRepository;
  catalogue: JobCatalogue;
  clock: Clock;
  logger: Logger;
}

export interface WorkerStats {
  claimed: number;
  completed: number;
  skipped: number;
  retried: number;
  failed: number;
  lost: number;
}

export interface StopResult {
  /** True when every running handler finished before the timeout. */
  drained: boolean;
  /** Handlers still running when `stop()` gave up; their jobs return to the queue when the lease expires. */
  unfinished: number;
}
