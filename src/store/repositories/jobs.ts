import type { Insertable, Kysely, Selectable } from 'kysely';
import { NewsdeskError } from '../../platform/errors.js';
import type { StoreCapabilities } from '../capabilities.js';
import type { Database, JobStatus, JobsTable } from '../schema.js';

/** A row of the job table. */
export type Job = Selectable<JobsTable>;

export interface NewJob {
  kind: string;
  /** Stored as JSON text. */
  payload: unknown;
  /** Earliest start, epoch milliseconds; defaults to now. */
  runAt?: number;
  maxAttempts?: number;
  uniqueKey?: string | null;
  /**
   * `pending` (default): at most one job per key while one is queued or running.
   * `ever`: at most one job per key at all, finished ones included (one job per schedule period).
   */
  uniqueScope?: 'pending' | 'ever';
}

export interface EnqueueResult {
  id: number;
  /** False when a job with the same unique key already existed; `id` is that job's. */
  created: boolean;
}

/** Retry delays: `baseMs * 2^(attempts - 1)`, capped at `maxMs`, with up to `jitter` of it random. */
export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
  /** 0 to 1: the share of the delay drawn at random, so failed jobs do not all retry at once. */
  jitter: number;
}

export const defaultBackoff: BackoffPolicy = Object.freeze({ baseMs: 5_000, maxMs: 3_600_000, jitter: 0.5 });

/** What became of a failed attempt. `lost`: the job was no longer this worker's, nothing was written. */
export type FailOutcome = { status: 'queued'; retryAt: number } | { status: 'failed' } | { status: 'lost' };

export const defaultMaxAttempts = 5;
const insertChunk = 500;
const maxErrorLength = 4_000;

export function backoffDelay(
  attempts: number,
  policy: BackoffPolicy,
  random: () => number = Math.random,
): number {
  const capped = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(capped * (1 - policy.jitter + policy.jitter * random()));
}

/**
 * The durable job table. Every change to a claimed job checks that the caller still holds
 * it (`locked_by`), so a worker whose lease expired cannot overwrite another worker's result.
 */
export class JobRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly capabilities: StoreCapabilities,
    private readonly backoff: BackoffPolicy = defaultBackoff,
    private readonly random: () => number = Math.random,
  ) {}

  /** Queues a job; with a unique key already taken, does nothing and returns the existing job's id. */
  async enqueue(job: NewJob, now: number): Promise<EnqueueResult> {
    const row = toRow(job, now);
    // The existing holder of the key may finish between our insert and our look-up: try again.
    for (let round = 0; round < 3; round++) {
      const inserted = await this.insertUnlessTaken(row, job.uniqueScope ?? 'pending');
      if (inserted) return { id: inserted.id, created: true };
      const existing = await this.db
        .selectFrom('jobs')
        .select('id')
        .where('unique_key', '=', row.unique_key ?? null)
        .$if(job.uniqueScope !== 'ever', (q) => q.where('status', 'in', ['queued', 'running']))
        .orderBy('id', 'desc')
        .executeTakeFirst();
      if (existing) return { id: existing.id, created: false };
    }
    throw new NewsdeskError('INTERNAL', `Could not queue the ${job.kind} job with key ${row.unique_key}.`);
  }

  /**
   * Queues many jobs in a few statements, in one transaction; jobs whose unique key is taken by a
   * pending job are left out (`uniqueScope` is not read here). Returns how many were queued.
   */
  async enqueueMany(jobs: readonly NewJob[], now: number): Promise<number> {
    let created = 0;
    await this.db.transaction().execute(async (trx) => {
      for (let start = 0; start < jobs.length; start += insertChunk) {
        const rows = jobs.slice(start, start + insertChunk).map((job) => toRow(job, now));
        const result = await trx
          .insertInto('jobs')
          .values(rows)
          .onConflict((oc) => oc.doNothing())
          .returning('id')
          .execute();
        created += result.length;
      }
    });
    return created;
  }

  /**
   * Takes up to `limit` due jobs for `workerId` until `now + leaseMs`, in one statement, attempts
   * counted. A running job whose lease expired is due again: its worker is presumed dead.
   */
  async claim(workerId: string, limit: number, now: number, leaseMs: number): Promise<Job[]> {
    // Where several writers run at once, claimers skip each other's rows instead of queueing on them;
    // a single-writer database runs the whole statement atomically anyway.
    const skipLocked = this.capabilities.skipLocked;
    // Two branches, each read in run_at order from the (status, run_at) index and stopped after
    // `limit` rows: one OR over both statuses would sort every pending job on every claim.
    const queued = this.db
      .selectFrom('jobs')
      .select(['id', 'run_at'])
      .where('status', '=', 'queued')
      .where('run_at', '<=', now)
      .orderBy('run_at')
      .limit(limit)
      .$if(skipLocked, (q) => q.forUpdate().skipLocked());
    const expired = this.db
      .selectFrom('jobs')
      .select(['id', 'run_at'])
      .where('status', '=', 'running')
      .where('locked_until', '<', now)
      .where((eb) => eb('attempts', '<', eb.ref('max_attempts')))
      .orderBy('run_at')
      .limit(limit)
      .$if(skipLocked, (q) => q.forUpdate().skipLocked());
    const due = this.db
      .selectFrom(queued.as('q'))
      .select(['q.id', 'q.run_at'])
      .unionAll(this.db.selectFrom(expired.as('e')).select(['e.id', 'e.run_at']));
    const candidates = this.db.selectFrom(due.as('due')).select('due.id').orderBy('due.run_at').limit(limit);
    const rows = await this.db
      .updateTable('jobs')
      .set((eb) => ({
        status: 'running',
        locked_by: workerId,
        locked_until: now + leaseMs,
        attempts: eb('attempts', '+', 1),
      }))
      .where('id', 'in', candidates)
      .returningAll()
      .execute();
    return rows.sort((a, b) => a.run_at - b.run_at || a.id - b.id);
  }

  /** Marks jobs done; returns the ids that were still this worker's (the others were lost). */
  async complete(workerId: string, ids: readonly number[], now: number): Promise<number[]> {
    if (ids.length === 0) return [];
    const rows = await this.db
      .updateTable('jobs')
      .set({ status: 'done', finished_at: now, locked_until: null, last_error: null })
      .where('id', 'in', ids)
      .where('status', '=', 'running')
      .where('locked_by', '=', workerId)
      .returning('id')
      .execute();
    return rows.map((r) => r.id);
  }

  /**
   * Records a failed attempt: queued again after the backoff delay, or `failed` for good once
   * `max_attempts` is reached or when the failure is `permanent` (retrying cannot help).
   */
  async fail(
    workerId: string,
    job: Pick<Job, 'id' | 'attempts' | 'max_attempts'>,
    error: string,
    now: number,
    options: { permanent?: boolean } = {},
  ): Promise<FailOutcome> {
    const final = options.permanent === true || job.attempts >= job.max_attempts;
    const retryAt = now + backoffDelay(job.attempts, this.backoff, this.random);
    const result = await this.db
      .updateTable('jobs')
      .set({
        status: final ? 'failed' : 'queued',
        last_error: error.slice(0, maxErrorLength),
        locked_until: null,
        ...(final ? { finished_at: now } : { run_at: retryAt }),
      })
      .where('id', '=', job.id)
      .where('status', '=', 'running')
      .where('locked_by', '=', workerId)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) return { status: 'lost' };
    return final ? { status: 'failed' } : { status: 'queued', retryAt };
  }

  /** Hands claimed jobs that never started back to the queue, as if never claimed. */
  async release(workerId: string, ids: readonly number[]): Promise<number> {
    if (ids.length === 0) return 0;
    const result = await this.db
      .updateTable('jobs')
      .set((eb) => ({
        status: 'queued',
        locked_by: null,
        locked_until: null,
        attempts: eb('attempts', '-', 1),
      }))
      .where('id', 'in', ids)
      .where('status', '=', 'running')
      .where('locked_by', '=', workerId)
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  /** Heartbeat: pushes the lease of jobs still held to `now + leaseMs`; returns the ids still held. */
  async extendLease(
    workerId: string,
    ids: readonly number[],
    now: number,
    leaseMs: number,
  ): Promise<number[]> {
    if (ids.length === 0) return [];
    const rows = await this.db
      .updateTable('jobs')
      .set({ locked_until: now + leaseMs })
      .where('id', 'in', ids)
      .where('status', '=', 'running')
      .where('locked_by', '=', workerId)
      .returning('id')
      .execute();
    return rows.map((r) => r.id);
  }

  /** Fails for good the jobs whose lease expired on their last attempt (each attempt killed its worker). */
  async failAbandoned(now: number): Promise<number> {
    const result = await this.db
      .updateTable('jobs')
      .set({
        status: 'failed',
        finished_at: now,
        locked_until: null,
        last_error: 'JOB_ABANDONED: the lease expired on the last attempt',
      })
      .where('status', '=', 'running')
      .where('locked_until', '<', now)
      .where((eb) => eb('attempts', '>=', eb.ref('max_attempts')))
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  async get(id: number): Promise<Job | undefined> {
    return this.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** How many jobs are in each status. */
  async counts(): Promise<Record<JobStatus, number>> {
    const rows = await this.db
      .selectFrom('jobs')
      .select((eb) => ['status', eb.fn.countAll<number>().as('n')])
      .groupBy('status')
      .execute();
    const counts: Record<JobStatus, number> = { queued: 0, running: 0, done: 0, failed: 0 };
    for (const row of rows) counts[row.status] = Number(row.n);
    return counts;
  }

  /** Retention: deletes done and failed jobs that finished before `before`; returns how many. */
  async removeFinished(before: number): Promise<number> {
    const result = await this.db
      .deleteFrom('jobs')
      .where('status', 'in', ['done', 'failed'])
      .where('finished_at', '<', before)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  private insertUnlessTaken(
    row: Insertable<JobsTable>,
    scope: 'pending' | 'ever',
  ): Promise<{ id: number } | undefined> {
    // The partial unique index refuses a second pending job with the key; `ever` also looks at finished ones.
    if (scope === 'pending' || row.unique_key == null) {
      return this.db
        .insertInto('jobs')
        .values(row)
        .onConflict((oc) => oc.doNothing())
        .returning('id')
        .executeTakeFirst();
    }
    const key = row.unique_key;
    return this.db
      .insertInto('jobs')
      .columns([
        'kind',
        'payload',
        'status',
        'run_at',
        'attempts',
        'max_attempts',
        'unique_key',
        'created_at',
      ])
      .expression(
        this.db
          .selectNoFrom((eb) => [
            eb.val(row.kind).as('kind'),
            eb.val(row.payload).as('payload'),
            eb.val(row.status).as('status'),
            eb.val(row.run_at).as('run_at'),
            eb.val(0).as('attempts'),
            eb.val(row.max_attempts).as('max_attempts'),
            eb.val(key).as('unique_key'),
            eb.val(row.created_at).as('created_at'),
          ])
          .where(({ not, exists, selectFrom }) =>
            not(exists(selectFrom('jobs').select('id').where('unique_key', '=', key))),
          ),
      )
      .onConflict((oc) => oc.doNothing())
      .returning('id')
      .executeTakeFirst();
  }
}

function toRow(job: NewJob, now: number): Insertable<JobsTable> {
  return {
    kind: job.kind,
    payload: JSON.stringify(job.payload ?? null),
    status: 'queued',
    run_at: job.runAt ?? now,
    attempts: 0,
    max_attempts: job.maxAttempts ?? defaultMaxAttempts,
    unique_key: job.uniqueKey ?? null,
    created_at: now,
  };
}
