import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { JobCatalogue, defineJob } from '../../src/jobs/catalogue.js';
import { JobQueue } from '../../src/jobs/job-queue.js';
import { Worker, type WorkerOptions } from '../../src/jobs/worker.js';
import { manualClock } from '../../src/platform/clock.js';
import { createLogger } from '../../src/platform/logger.js';
import { JobRepository } from '../../src/store/repositories/jobs.js';
import { createTestDatabase, testDialects, type TestDatabase } from '../support/databases.js';

type LogLine = Record<string, unknown>;

/** A promise opened from outside: lets a test hold a handler mid-run. */
function gate(): { promise: Promise<void>; open: () => void } {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

describe.each(testDialects)('Worker on %s', (dialect) => {
  let database: TestDatabase;
  let jobs: JobRepository;
  let clock: ReturnType<typeof manualClock>;
  let queue: JobQueue;
  let catalogue: JobCatalogue;
  let logLines: LogLine[];
  let workers: Worker[];

  const logger = () =>
    createLogger({
      level: 'debug',
      destination: { write: (line: string) => void logLines.push(JSON.parse(line)) },
    });

  function startWorker(options: Partial<WorkerOptions> = {}): Worker {
    const worker = new Worker(
      { jobs, catalogue, clock, logger: logger() },
      { concurrency: 2, leaseMs: 30_000, idleDelayMs: 20, drainTimeoutMs: 5_000, ...options },
    );
    workers.push(worker);
    queue.onEnqueued(() => worker.notify());
    worker.start();
    return worker;
  }

  const status = async (id: number) => (await jobs.get(id))?.status;

  beforeEach(async () => {
    database = await createTestDatabase(dialect);
    clock = manualClock();
    // No jitter: retry times are exact.
    jobs = new JobRepository(database.store.db, database.store.capabilities, {
      baseMs: 1_000,
      maxMs: 60_000,
      jitter: 0,
    });
    queue = new JobQueue(jobs, clock);
    catalogue = new JobCatalogue();
    logLines = [];
    workers = [];
  });
  afterEach(async () => {
    for (const worker of workers) await worker.stop(1_000);
    await database.drop();
  });

  it('runs a queued job with its parsed payload and a logger that names the job; notify() wakes it at once', async () => {
    const seen: Array<{ sum: number; id: number }> = [];
    const add = defineJob({
      kind: 'test.add',
      payload: z.object({ a: z.number(), b: z.number() }),
      async handle({ a, b }, ctx) {
        ctx.logger.info({ event: 'test_added' }, 'added');
        seen.push({ sum: a + b, id: ctx.jobId });
      },
    });
    catalogue.register(add);
    // A long idle delay: only notify() can make the worker look again this soon.
    const worker = startWorker({ idleDelayMs: 60_000 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const { id } = await queue.enqueue(add, { a: 2, b: 3 });

    await vi.waitFor(async () => expect(await status(id)).toBe('done'), { timeout: 3_000, interval: 10 });
    expect(seen).toEqual([{ sum: 5, id }]);
    expect(logLines.find((line) => line.event === 'test_added')).toMatchObject({
      job_id: id,
      job_kind: 'test.add',
    });
    await vi.waitFor(() => expect(worker.stats()).toMatchObject({ claimed: 1, completed: 1 }));
  });

  it('rejects an invalid payload when queueing', async () => {
    const kind = defineJob({
      kind: 'test.typed',
      payload: z.object({ n: z.number() }),
      handle: async () => {},
    });
    await expect(queue.enqueue(kind, { n: 'x' } as never)).rejects.toMatchObject({
      code: 'JOB_PAYLOAD_INVALID',
    });
    expect(await jobs.counts()).toMatchObject({ queued: 0 });
  });

  it('records a skipped job as done and logs why', async () => {
    const maybe = defineJob({
      kind: 'test.maybe',
      payload: z.object({}),
      handle: async () => ({ skipped: 'nothing new' }),
    });
    catalogue.register(maybe);
    const { id } = await queue.enqueue(maybe, {});
    const worker = startWorker();
    await vi.waitFor(async () => expect(await status(id)).toBe('done'), { timeout: 3_000, interval: 10 });
    expect(logLines.find((line) => line.event === 'job_skipped')).toMatchObject({
      job_id: id,
      reason: 'nothing new',
    });
    expect(worker.stats().skipped).toBe(1);
  });

  it('fails an unknown kind or an invalid stored payload at once, without retries', async () => {
    catalogue.register(
      defineJob({ kind: 'test.known', payload: z.object({ url: z.url() }), handle: async () => {} }),
    );
    const unknown = await jobs.enqueue({ kind: 'test.unknown', payload: {}, maxAttempts: 5 }, clock.now());
    const invalid = await jobs.enqueue(
      { kind: 'test.known', payload: { url: 'not a url' }, maxAttempts: 5 },
      clock.now(),
    );
    startWorker();
    await vi.waitFor(
      async () => expect([await status(unknown.id), await status(invalid.id)]).toEqual(['failed', 'failed']),
      {
        timeout: 3_000,
        interval: 10,
      },
    );
    expect(await jobs.get(unknown.id)).toMatchObject({
      attempts: 1,
      last_error: expect.stringMatching(/^JOB_KIND_UNKNOWN: /),
    });
    expect(await jobs.get(invalid.id)).toMatchObject({
      attempts: 1,
      last_error: expect.stringMatching(/^JOB_PAYLOAD_INVALID: .*url/),
    });
  });

  it('retries a failing handler after the backoff delay, then fails it for good', async () => {
    let runs = 0;
    const flaky = defineJob({
      kind: 'test.flaky',
      payload: z.object({}),
      maxAttempts: 2,
      async handle() {
        runs++;
        throw new Error(`broken ${runs}`);
      },
    });
    catalogue.register(flaky);
    const { id } = await queue.enqueue(flaky, {});
    const worker = startWorker();
    await vi.waitFor(
      async () => expect(await jobs.get(id)).toMatchObject({ status: 'queued', attempts: 1 }),
      { interval: 10 },
    );
    expect(await jobs.get(id)).toMatchObject({
      run_at: clock.now() + 1_000,
      last_error: 'INTERNAL: broken 1',
    });

    clock.advance(1_000);
    worker.notify();
    await vi.waitFor(async () => expect(await status(id)).toBe('failed'), { timeout: 3_000, interval: 10 });
    expect(await jobs.get(id)).toMatchObject({ attempts: 2, last_error: 'INTERNAL: broken 2' });
    expect(runs).toBe(2);
    expect(worker.stats()).toMatchObject({ retried: 1, failed: 1 });
  });

  it('stop() waits for a running job, hands back claimed jobs not started, and then returns', async () => {
    const held = gate();
    let started = 0;
    const slow = defineJob({
      kind: 'test.slow',
      payload: z.object({ n: z.number() }),
      async handle() {
        started++;
        await held.promise;
      },
    });
    catalogue.register(slow);
    const first = await queue.enqueue(slow, { n: 1 });
    const second = await queue.enqueue(slow, { n: 2 });
    const worker = startWorker({ concurrency: 1, batchSize: 2 });
    await vi.waitFor(() => expect(worker.busy).toBe(1), { interval: 10 });

    let stopped = false;
    const stopping = worker.stop().then((result) => ((stopped = true), result));
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(stopped).toBe(false);
    held.open();
    expect(await stopping).toEqual({ drained: true, unfinished: 0 });

    expect(started).toBe(1);
    expect(await status(first.id)).toBe('done');
    expect(await jobs.get(second.id)).toMatchObject({ status: 'queued', attempts: 0, locked_until: null });
  });

  it('stop() gives up after its timeout, aborts the handler, and leaves the job to its lease', async () => {
    let aborted = false;
    const stuck = defineJob({
      kind: 'test.stuck',
      payload: z.object({}),
      handle: (_payload, ctx) =>
        new Promise<void>((_resolve, reject) =>
          ctx.signal.addEventListener('abort', () => {
            aborted = true;
            reject(new Error('aborted'));
          }),
        ),
    });
    catalogue.register(stuck);
    const { id } = await queue.enqueue(stuck, {});
    const worker = startWorker();
    await vi.waitFor(() => expect(worker.busy).toBe(1), { interval: 10 });
    expect(await worker.stop(100)).toEqual({ drained: false, unfinished: 1 });
    expect(aborted).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await jobs.get(id)).toMatchObject({ status: 'running', attempts: 1 });
  });

  it('cannot record the result of a job whose lease passed to another worker', async () => {
    const held = gate();
    const slow = defineJob({ kind: 'test.slow', payload: z.object({}), handle: () => held.promise });
    catalogue.register(slow);
    const { id } = await queue.enqueue(slow, {});
    // No heartbeat within the test: the lease simply runs out on the manual clock.
    // One slot, busy, and a long idle delay: the worker itself does not poll while the test takes the job.
    const worker = startWorker({ concurrency: 1, idleDelayMs: 60_000, leaseMs: 1_000, heartbeatMs: 60_000 });
    await vi.waitFor(() => expect(worker.busy).toBe(1), { interval: 10 });

    clock.advance(1_001);
    const [taken] = await jobs.claim('other-worker', 1, clock.now(), 30_000);
    expect(taken).toMatchObject({ id, attempts: 2 });
    held.open();
    await vi.waitFor(() => expect(worker.stats().lost).toBe(1), { interval: 10 });
    expect(await jobs.get(id)).toMatchObject({ status: 'running', locked_by: 'other-worker' });
    expect(worker.stats().completed).toBe(0);
  });

  it('keeps the lease of a long job alive with heartbeats', async () => {
    const held = gate();
    const long = defineJob({ kind: 'test.long', payload: z.object({}), handle: () => held.promise });
    catalogue.register(long);
    const { id } = await queue.enqueue(long, {});
    const worker = startWorker({ leaseMs: 1_000, heartbeatMs: 30 });
    await vi.waitFor(() => expect(worker.busy).toBe(1), { interval: 10 });
    clock.advance(900);
    await vi.waitFor(async () => expect((await jobs.get(id))?.locked_until).toBe(clock.now() + 1_000), {
      interval: 10,
    });
    clock.advance(900);
    expect(await jobs.claim('other-worker', 1, clock.now(), 1_000)).toEqual([]);
    held.open();
    await vi.waitFor(async () => expect(await status(id)).toBe('done'), { interval: 10 });
  });
  it('does not run a job twice when its own expired lease brings it back to the same worker', async () => {
    const held = gate();
    let runs = 0;
    const slow = defineJob({
      kind: 'test.slow',
      payload: z.object({}),
      async handle() {
        runs++;
        await held.promise;
      },
    });
    catalogue.register(slow);
    const { id } = await queue.enqueue(slow, {});
    const worker = startWorker({ leaseMs: 1_000, heartbeatMs: 60_000 });
    await vi.waitFor(() => expect(worker.busy).toBe(1), { interval: 10 });
    clock.advance(1_001);
    // The worker polls every 20 ms and finds its own job due again.
    await vi.waitFor(async () => expect(await jobs.get(id)).toMatchObject({ attempts: 2 }), { interval: 10 });
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(runs).toBe(1);
    held.open();
    await vi.waitFor(async () => expect(await status(id)).toBe('done'), { interval: 10 });
    expect(worker.stats()).toMatchObject({ completed: 1, lost: 0 });
  });
});
