// Job throughput: trivial jobs per second through one worker, on SQLite and on PostgreSQL,
// beside the naive peer (claim one job per transaction, mark it done in another).
// Run: node --import tsx bench/jobs.bench.ts   (NEWSDESK_BENCH_JOBS=20000, NEWSDESK_BENCH_POSTGRES_URL=...)
// It needs no corpus: the jobs are generated. PostgreSQL must be running; a fresh schema is used and dropped.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { z } from 'zod';
import { JobCatalogue, defineJob } from '../src/jobs/catalogue.js';
import { Worker } from '../src/jobs/worker.js';
import { systemClock } from '../src/platform/clock.js';
import { createLogger } from '../src/platform/logger.js';
import { openStore, type Store } from '../src/store/database.js';
import { migrateToLatest } from '../src/store/migrate.js';
import { JobRepository } from '../src/store/repositories/jobs.js';

const jobCount = Number(process.env.NEWSDESK_BENCH_JOBS ?? 20_000);
// One commit per job is slow on PostgreSQL (each waits for the WAL flush): the one-at-a-time
// methods run on fewer jobs, which changes their rate little and keeps the run short.
const slowJobCount = Math.min(jobCount, 1_000);
const postgresUrl = process.env.NEWSDESK_BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const leaseMs = 60_000;

interface Measurement {
  bench: 'jobs';
  dialect: string;
  method: string;
  jobs: number;
  seconds: number;
  jobs_per_second: number;
}

const noop = defineJob({ kind: 'bench.noop', payload: z.object({ n: z.number() }), handle: async () => {} });

async function fill(store: Store, count: number): Promise<JobRepository> {
  await store.db.deleteFrom('jobs').execute();
  const jobs = new JobRepository(store.db, store.capabilities);
  const items = Array.from({ length: count }, (_, n) => ({ kind: noop.kind, payload: { n } }));
  await jobs.enqueueMany(items, Date.now());
  return jobs;
}

/** Newsdesk's worker: batched claims, concurrent handlers, batched completions. */
async function throughWorker(
  store: Store,
  count: number,
  options: { concurrency: number; batchSize: number },
): Promise<number> {
  const jobs = await fill(store, count);
  const worker = new Worker(
    {
      jobs,
      catalogue: new JobCatalogue().register(noop),
      clock: systemClock,
      logger: createLogger({ level: 'silent' }),
    },
    { ...options, leaseMs, idleDelayMs: 5 },
  );
  const started = performance.now();
  worker.start();
  while (worker.stats().completed < count) await new Promise((resolve) => setTimeout(resolve, 2));
  const seconds = (performance.now() - started) / 1000;
  await worker.stop();
  return seconds;
}

/** The naive peer: one transaction to claim one job, one statement to finish it. */
async function naive(store: Store, count: number): Promise<number> {
  await fill(store, count);
  const catalogue = new JobCatalogue().register(noop);
  const started = performance.now();
  for (;;) {
    const job = await store.db.transaction().execute(async (trx) => {
      const next = trx
        .selectFrom('jobs')
        .selectAll()
        .where('status', '=', 'queued')
        .where('run_at', '<=', Date.now())
        .orderBy('run_at')
        .orderBy('id')
        .limit(1);
      const row = await (
        store.capabilities.skipLocked ? next.forUpdate().skipLocked() : next
      ).executeTakeFirst();
      if (row)
        await trx
          .updateTable('jobs')
          .set({ status: 'running', locked_by: 'naive' })
          .where('id', '=', row.id)
          .execute();
      return row;
    });
    if (!job) break;
    await catalogue.resolve(job.kind, job.payload).run({} as never);
    await store.db
      .updateTable('jobs')
      .set({ status: 'done', finished_at: Date.now() })
      .where('id', '=', job.id)
      .execute();
  }
  return (performance.now() - started) / 1000;
}

async function openBenchStore(
  dialect: 'sqlite' | 'postgres',
): Promise<{ store: Store; cleanup: () => Promise<void> }> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'newsdesk-bench-'));
    const store = await openStore({ kind: 'sqlite', path: join(dir, 'bench.db') });
    await migrateToLatest(store);
    return {
      store,
      cleanup: async () => (await store.close(), rmSync(dir, { recursive: true, force: true })),
    };
  }
  const schema = `bench_jobs_${process.pid}_${Date.now().toString(36)}`;
  const admin = async (text: string) => {
    const client = new pg.Client({ connectionString: postgresUrl, connectionTimeoutMillis: 5_000 });
    await client.connect();
    await client.query(text).finally(() => client.end());
  };
  await admin(`create schema ${schema}`);
  const store = await openStore({ kind: 'postgres', url: postgresUrl, schema, poolSize: 10 });
  await migrateToLatest(store);
  return { store, cleanup: async () => (await store.close(), await admin(`drop schema ${schema} cascade`)) };
}

const methods: Array<{ name: string; jobs: number; run: (store: Store, count: number) => Promise<number> }> =
  [
    { name: 'naive (one job per transaction)', jobs: slowJobCount, run: naive },
    {
      name: 'newsdesk worker, batch 1',
      jobs: slowJobCount,
      run: (store, count) => throughWorker(store, count, { concurrency: 1, batchSize: 1 }),
    },
    {
      name: 'newsdesk worker, concurrency 8, batch 100',
      jobs: jobCount,
      run: (store, count) => throughWorker(store, count, { concurrency: 8, batchSize: 100 }),
    },
  ];

const results: Measurement[] = [];
let failed = false;
for (const dialect of ['sqlite', 'postgres'] as const) {
  let opened: Awaited<ReturnType<typeof openBenchStore>>;
  try {
    opened = await openBenchStore(dialect);
  } catch (error) {
    failed = true;
    console.error(
      `Skipping ${dialect}: cannot open it (${(error as Error).message}). Is PostgreSQL running at ${postgresUrl}?`,
    );
    continue;
  }
  try {
    await sql`select 1`.execute(opened.store.db);
    for (const method of methods) {
      const seconds = await method.run(opened.store, method.jobs);
      const measurement: Measurement = {
        bench: 'jobs',
        dialect,
        method: method.name,
        jobs: method.jobs,
        seconds: Number(seconds.toFixed(3)),
        jobs_per_second: Math.round(method.jobs / seconds),
      };
      results.push(measurement);
      console.log(JSON.stringify(measurement));
    }
  } finally {
    await opened.cleanup();
  }
}

const naiveRate = (dialect: string) =>
  results.find((r) => r.dialect === dialect && r.method.startsWith('naive'))?.jobs_per_second;
console.log('');
console.table(
  results.map((r) => ({
    dialect: r.dialect,
    method: r.method,
    jobs: r.jobs,
    'jobs/s': r.jobs_per_second,
    'vs naive': `${(r.jobs_per_second / (naiveRate(r.dialect) ?? r.jobs_per_second)).toFixed(1)}x`,
  })),
);
if (failed) process.exitCode = 1;
