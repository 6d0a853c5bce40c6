import type { Clock } from '../platform/clock.js';
import type { Logger } from '../platform/logger.js';
import type { JobRepository } from '../store/repositories/jobs.js';

/**
 * The heartbeat: every period, one UPDATE pushes the lease of every job a worker holds.
 * Jobs that come back missing were taken by another worker after the lease ran out.
 */
export class LeaseKeeper {
  private timer: NodeJS.Timeout | undefined;
  private beating = false;

  constructor(
    private readonly deps: { jobs: JobRepository; clock: Clock; log: Logger },
    private readonly lease: { workerId: string; leaseMs: number; periodMs: number },
    private readonly held: () => number[],
    private readonly onLost: (ids: number[]) => void,
  ) {}

  start(): void {
    this.timer ??= setInterval(() => void this.beat(), this.lease.periodMs);
  }

  stop(): void {
    clearInterval(this.timer);
  }

  async beat(): Promise<void> {
    const ids = this.held();
    if (this.beating || ids.length === 0) return;
    this.beating = true;
    try {
      const { workerId, leaseMs } = this.lease;
      const kept = new Set(await this.deps.jobs.extendLease(workerId, ids, this.deps.clock.now(), leaseMs));
      const lost = ids.filter((id) => !kept.has(id));
      if (lost.length > 0) this.onLost(lost);
    } catch (error) {
      this.deps.log.error({ event: 'job_heartbeat_failed', err: error }, 'could not extend job leases');
    } finally {
      this.beating = false;
    }
  }
}
