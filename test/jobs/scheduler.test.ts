import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { defineJob } from '../../src/jobs/catalogue.js';
import { JobQueue } from '../../src/jobs/job-queue.js';
import { pruneFinishedJobs } from '../../src/jobs/prune-finished.js';
import { Scheduler, recurring } from '../../src/jobs/scheduler.js';
import { manualClock } from '../../src/platform/clock.js';
import { createLogger } from '../../src/platform/logger.js';
import { openStore, type Store } from '../../src/store/database.js';
import { JobRepository } from '../../src/store/repositories/jobs.js';
import { createTestDatabase, testDialects, type TestDatabase } from '../support/databases.js';

const refreshDue = defineJob({
  kind: 'sources.refresh-due',
  payload: z.object({ period: z.number() }),
  handle: async () => {},
});

describe.each(testDialects)('Scheduler on %s', (dialect) => {
  let database: TestDatabase;
  let secondStore: Store;
  let clock: ReturnType<typeof manualClock>;
  let schedulers: Scheduler[];
  const logger = createLogger({ level: 'silent' });
  const everyMinute = recurring(refreshDue, { everyMs: 60_000, payload: (period) => ({ period }) });

  /** A scheduler with a database connection of its own, as in another process. */
  const schedulerOn = (store: Store) => {
    const queue = new JobQueue(new JobRepository(store.db, store.capabilities), clock);
    const scheduler = new Scheduler({ queue, clock, logger }, [everyMinute]);
    schedulers.push(scheduler);
    return scheduler;
  };

  beforeEach(async () => {
    database = await createTestDatabase(dialect);
    secondStore = await openStore(database.location);
    clock = manualClock(Date.UTC(2026, 0, 1, 12, 0, 10));
    schedulers = [];
  });
  afterEach(async () => {
    for (const scheduler of schedulers) await scheduler.stop();
    await secondStore.close();
    await database.drop();
  });

  it('queues each period once across schedulers, even after the period’s job finished', async () => {
    const jobs = new JobRepository(database.store.db, database.store.capabilities);
    const a = schedulerOn(database.store);
    const b = schedulerOn(secondStore);

    const first = await Promise.all([a.tick(), b.tick(), a.tick(), b.tick()]);
    expect(first.reduce((sum, n) => sum + n, 0)).toBe(1);
    const [job] = await jobs.claim('w', 10, clock.now(), 30_000);
    expect(job).toMatchObject({
      kind: 'sources.refresh-due',
      unique_key: `schedule:sources.refresh-due:${Date.UTC(2026, 0, 1, 12)}`,
    });
    expect(JSON.parse(job!.payload)).toEqual({ period: Date.UTC(2026, 0, 1, 12) });
    await jobs.complete('w', [job!.id], clock.now());

    clock.advance(40_000); // 12:00:50, same period
    expect((await a.tick()) + (await b.tick())).toBe(0);

    clock.advance(20_000); // 12:01:10, next period
    const second = await Promise.all([b.tick(), a.tick()]);
    expect(second.reduce((sum, n) => sum + n, 0)).toBe(1);
    expect(await jobs.counts()).toEqual({ queued: 1, running: 0, done: 1, failed: 0 });
  });

  it('queues the current period on start and stops cleanly', async () => {
    const jobs = new JobRepository(database.store.db, database.store.capabilities);
    const scheduler = schedulerOn(database.store);
    scheduler.start();
    await vi.waitFor(async () => expect((await jobs.counts()).queued).toBe(1), { interval: 10 });
    await scheduler.stop();
    clock.advance(60_000);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await jobs.counts()).queued).toBe(1);
  });

  it('refuses recurring jobs more often than once a second and duplicate names', () => {
    expect(() => recurring(refreshDue, { everyMs: 10, payload: { period: 0 } })).toThrow();
    const queue = new JobQueue(new JobRepository(database.store.db, database.store.capabilities), clock);
    expect(() => new Scheduler({ queue, clock, logger }, [everyMinute, everyMinute])).toThrow();
  });

  it('prunes finished jobs past retention through the recurring prune job', async () => {
    const jobs = new JobRepository(database.store.db, database.store.capabilities);
    const day = 86_400_000;
    const prune = pruneFinishedJobs(jobs, clock, 7 * day);
    const old = await jobs.enqueue({ kind: 'k', payload: 1 }, clock.now());
    await jobs.claim('w', 1, clock.now(), 30_000);
    await jobs.complete('w', [old.id], clock.now());
    const queue = new JobQueue(jobs, clock);
    const scheduler = new Scheduler({ queue, clock, logger }, [
      recurring(prune, { everyMs: 3_600_000, payload: {} }),
    ]);
    schedulers.push(scheduler);
    const context = {
      jobId: 0,
      kind: prune.kind,
      attempt: 1,
      maxAttempts: 3,
      logger,
      signal: new AbortController().signal,
    };

    expect(await prune.handle({}, context)).toEqual({ skipped: 'no finished job is old enough' });
    clock.advance(8 * day);
    expect(await scheduler.tick()).toBe(1);
    expect(await prune.handle({}, context)).toBeUndefined();
    expect(await jobs.get(old.id)).toBeUndefined();
    expect(await jobs.counts()).toEqual({ queued: 1, running: 0, done: 0, failed: 0 });
  });
});
