// A worker process for the crash test: runs `test.record` jobs, each of which writes a row to
// job_runs inside a transaction that also holds an advisory lock on the job id. A second run of
// the same job while the first is still going cannot take the lock and marks its row `overlapped`.
// Started with `node --import tsx`; configured through the environment; stops on SIGTERM.
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import { z } from 'zod';
import { JobCatalogue, defineJob } from '../../../src/jobs/catalogue.js';
import { Worker } from '../../../src/jobs/worker.js';
import { systemClock } from '../../../src/platform/clock.js';
import { createLogger } from '../../../src/platform/logger.js';
import { openStore } from '../../../src/store/database.js';
import { JobRepository } from '../../../src/store/repositories/jobs.js';

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};

const workerId = env('RECORDING_WORKER_ID');
const lockClass = Number(env('RECORDING_LOCK_CLASS'));
const store = await openStore({
  kind: 'postgres',
  url: env('RECORDING_POSTGRES_URL'),
  schema: env('RECORDING_SCHEMA'),
  poolSize: 10,
});

const record = defineJob({
  kind: 'test.record',
  payload: z.object({ n: z.number() }),
  async handle(_payload, ctx) {
    await store.db.transaction().execute(async (trx) => {
      const { rows } = await sql<{
        got: boolean;
      }>`select pg_try_advisory_xact_lock(${lockClass}::int, ${ctx.jobId}::int) as got`.execute(trx);
      await sql`insert into job_runs (job_id, worker_id, attempt, overlapped, started_at)
                values (${ctx.jobId}, ${workerId}, ${ctx.attempt}, ${!rows[0]!.got}, ${Date.now()})`.execute(
        trx,
      );
      await sleep(5 + Math.floor(Math.random() * 10));
    });
  },
});

const worker = new Worker(
  {
    jobs: new JobRepository(store.db, store.capabilities),
    catalogue: new JobCatalogue().register(record),
    clock: systemClock,
    logger: createLogger({ level: 'warn' }),
  },
  {
    workerId,
    concurrency: 4,
    leaseMs: Number(env('RECORDING_LEASE_MS')),
    // Frequent heartbeats: a busy test machine may stall this process for a while without losing leases.
    heartbeatMs: 250,
    idleDelayMs: 100,
    drainTimeoutMs: 5_000,
  },
);

process.once('SIGTERM', () => {
  void worker.stop().then(async (result) => {
    await store.close();
    process.exit(result.drained ? 0 : 3);
  });
});
worker.start();
