import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterEach, expect, it, vi } from 'vitest';
import { JobRepository } from '../../src/store/repositories/jobs.js';
import { createTestDatabase, testPostgresUrl, type TestDatabase } from '../support/databases.js';

// The proof the job system exists for: two worker processes share one PostgreSQL schema, one is
// killed mid-run, and after its leases expire the survivor finishes everything, with no job lost
// and no job ever running in two places at once.

const jobCount = 1_000;
const leaseMs = 2_000;
const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
const workerScript = fileURLToPath(new URL('./support/recording-worker.ts', import.meta.url));

let database: TestDatabase | undefined;
const children: ChildProcess[] = [];

afterEach(async () => {
  for (const child of children)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await Promise.all(
    children.map((child) =>
      child.exitCode === null && child.signalCode === null ? once(child, 'exit') : null,
    ),
  );
  children.length = 0;
  await database?.drop();
  database = undefined;
});

function startWorker(
  schema: string,
  workerId: string,
  lockClass: number,
): { child: ChildProcess; output: () => string } {
  const child = spawn(process.execPath, ['--import', 'tsx', workerScript], {
    cwd: projectRoot,
    env: {
      ...process.env,
      RECORDING_POSTGRES_URL: testPostgresUrl,
      RECORDING_SCHEMA: schema,
      RECORDING_WORKER_ID: workerId,
      RECORDING_LOCK_CLASS: String(lockClass),
      RECORDING_LEASE_MS: String(leaseMs),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { child, output: () => output };
}

it(
  'survives a worker killed mid-run: every job done once at a time, none lost',
  { timeout: 60_000 },
  async () => {
    database = await createTestDatabase('postgres');
    const { db, capabilities } = database.store;
    const schema = (database.location as { schema: string }).schema;
    const jobs = new JobRepository(db, capabilities);
    await sql`create table job_runs (job_id bigint not null, worker_id text not null, attempt integer not null,
            overlapped boolean not null, started_at bigint not null)`.execute(db);
    const queued = await jobs.enqueueMany(
      Array.from({ length: jobCount }, (_, n) => ({ kind: 'test.record', payload: { n } })),
      Date.now(),
    );
    expect(queued).toBe(jobCount);

    // Advisory locks are server-wide: a random class keeps parallel runs of this test apart.
    const lockClass = Math.floor(Math.random() * 2 ** 30);
    const victim = startWorker(schema, 'victim', lockClass);
    const survivor = startWorker(schema, 'survivor', lockClass);
    const runsBy = async () => {
      const rows = await db
        .selectFrom(sql<{ worker_id: string }>`job_runs`.as('r'))
        .select((eb) => ['r.worker_id', eb.fn.countAll<number>().as('n')])
        .groupBy('r.worker_id')
        .execute();
      return Object.fromEntries(rows.map((row) => [row.worker_id, Number(row.n)]));
    };
    const diagnostics = () => `victim:\n${victim.output()}\nsurvivor:\n${survivor.output()}`;

    // Kill the victim once both workers are busy and about a third of the work is done.
    await vi.waitFor(
      async () => {
        const runs = await runsBy();
        if (!(runs.victim! > 0 && runs.survivor! > 0 && runs.victim! + runs.survivor! >= jobCount * 0.3)) {
          throw new Error(`not yet: ${JSON.stringify(runs)}\n${diagnostics()}`);
        }
      },
      { timeout: 20_000, interval: 25 },
    );
    victim.child.kill('SIGKILL');
    await once(victim.child, 'exit');
    const heldByVictim = await db
      .selectFrom('jobs')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', '=', 'running')
      .where('locked_by', '=', 'victim')
      .executeTakeFirstOrThrow();
    expect(Number(heldByVictim.n)).toBeGreaterThan(0);

    const overlaps = async () =>
      (await sql<{ n: number }>`select count(*)::int as n from job_runs where overlapped`.execute(db))
        .rows[0]!.n;
    // Until every job is done; an overlap ends the wait at once, as the failure it is.
    await vi.waitFor(
      async () => {
        const [counts, overlapped] = [await jobs.counts(), await overlaps()];
        if (overlapped > 0) return;
        if (counts.done !== jobCount) throw new Error(`not yet: ${JSON.stringify(counts)}\n${diagnostics()}`);
      },
      { timeout: 30_000, interval: 100 },
    );
    expect(await overlaps(), 'runs of one job overlapped').toBe(0);
    survivor.child.kill('SIGTERM');
    const [exitCode] = (await once(survivor.child, 'exit')) as [number | null];
    expect(exitCode, diagnostics()).toBe(0);

    expect(await jobs.counts()).toEqual({ queued: 0, running: 0, done: jobCount, failed: 0 });
    const ran = await sql<{ n: number }>`select count(distinct job_id)::int as n from job_runs`.execute(db);
    expect(ran.rows[0]!.n).toBe(jobCount);
    // The victim's unfinished jobs were taken again after their lease expired, by the survivor.
    const retaken = await db
      .selectFrom('jobs')
      .select(['id', 'locked_by'])
      .where('attempts', '>=', 2)
      .execute();
    expect(retaken.length).toBeGreaterThan(0);
    expect(retaken.every((job) => job.locked_by === 'survivor')).toBe(true);
    const runs = await runsBy();
    expect(runs.victim).toBeGreaterThan(0);
    expect(runs.survivor).toBeGreaterThan(0);
  },
);
