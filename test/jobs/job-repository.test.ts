import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JobRepository, backoffDelay } from '../../src/store/repositories/jobs.js';
import { createTestDatabase, testDialects, type TestDatabase } from '../support/databases.js';

const t0 = Date.UTC(2026, 0, 1);
const lease = 30_000;
const backoff = { baseMs: 1_000, maxMs: 60_000, jitter: 0.5 };

describe.each(testDialects)('JobRepository on %s', (dialect) => {
  let database: TestDatabase;
  let jobs: JobRepository;

  beforeEach(async () => {
    database = await createTestDatabase(dialect);
    // random() = 1 makes the jitter vanish: delays are exactly base * 2^(attempts-1), capped.
    jobs = new JobRepository(database.store.db, database.store.capabilities, backoff, () => 1);
  });
  afterEach(async () => {
    await database.drop();
  });

  it('queues, claims in run_at order, and completes', async () => {
    const late = await jobs.enqueue({ kind: 'k', payload: { n: 2 }, runAt: t0 + 10 }, t0);
    const early = await jobs.enqueue({ kind: 'k', payload: { n: 1 } }, t0);
    const future = await jobs.enqueue({ kind: 'k', payload: { n: 3 }, runAt: t0 + 60_000 }, t0);
    expect([late.created, early.created, future.created]).toEqual([true, true, true]);

    const claimed = await jobs.claim('w1', 10, t0 + 100, lease);
    expect(claimed.map((j) => j.id)).toEqual([early.id, late.id]);
    expect(claimed[0]).toMatchObject({
      status: 'running',
      locked_by: 'w1',
      locked_until: t0 + 100 + lease,
      attempts: 1,
    });
    expect(JSON.parse(claimed[0]!.payload)).toEqual({ n: 1 });
    expect(await jobs.claim('w2', 10, t0 + 100, lease)).toEqual([]);

    expect(await jobs.complete('w1', [early.id, late.id], t0 + 200)).toEqual(
      expect.arrayContaining([early.id, late.id]),
    );
    expect(await jobs.get(early.id)).toMatchObject({ status: 'done', finished_at: t0 + 200 });
    expect(await jobs.counts()).toEqual({ queued: 1, running: 0, done: 2, failed: 0 });
  });

  it('claims at most the limit and never the same job twice', async () => {
    const created = await jobs.enqueueMany(
      Array.from({ length: 25 }, (_, i) => ({ kind: 'k', payload: i })),
      t0,
    );
    expect(created).toBe(25);
    const a = await jobs.claim('a', 10, t0, lease);
    const b = await jobs.claim('b', 10, t0, lease);
    const c = await jobs.claim('c', 10, t0, lease);
    expect([a.length, b.length, c.length]).toEqual([10, 10, 5]);
    expect(new Set([...a, ...b, ...c].map((j) => j.id)).size).toBe(25);
  });

  it('keeps one pending job per unique key, and queues the key again once it finished', async () => {
    const first = await jobs.enqueue({ kind: 'refresh', payload: { id: 1 }, uniqueKey: 'refresh:1' }, t0);
    const second = await jobs.enqueue({ kind: 'refresh', payload: { id: 1 }, uniqueKey: 'refresh:1' }, t0);
    expect(second).toEqual({ id: first.id, created: false });

    await jobs.claim('w', 1, t0, lease);
    const whileRunning = await jobs.enqueue(
      { kind: 'refresh', payload: { id: 1 }, uniqueKey: 'refresh:1' },
      t0,
    );
    expect(whileRunning).toEqual({ id: first.id, created: false });

    await jobs.complete('w', [first.id], t0);
    const afterDone = await jobs.enqueue({ kind: 'refresh', payload: { id: 1 }, uniqueKey: 'refresh:1' }, t0);
    expect(afterDone.created).toBe(true);
    expect(afterDone.id).not.toBe(first.id);

    const many = await jobs.enqueueMany(
      [1, 2, 2, 3].map((id) => ({ kind: 'refresh', payload: { id }, uniqueKey: `refresh:${id}` })),
      t0,
    );
    expect(many).toBe(2);
  });

  it("with the 'ever' scope, a key is queued once even after its job finished", async () => {
    const first = await jobs.enqueue(
      { kind: 'tick', payload: {}, uniqueKey: 'tick:42', uniqueScope: 'ever' },
      t0,
    );
    await jobs.claim('w', 1, t0, lease);
    await jobs.complete('w', [first.id], t0);
    const again = await jobs.enqueue(
      { kind: 'tick', payload: {}, uniqueKey: 'tick:42', uniqueScope: 'ever' },
      t0,
    );
    expect(again).toEqual({ id: first.id, created: false });
    expect(
      (await jobs.enqueue({ kind: 'tick', payload: {}, uniqueKey: 'tick:43', uniqueScope: 'ever' }, t0))
        .created,
    ).toBe(true);
  });

  it('backs off exponentially, then fails for good after max_attempts, keeping the last error', async () => {
    const { id } = await jobs.enqueue({ kind: 'k', payload: null, maxAttempts: 3 }, t0);
    let now = t0;
    const delays: number[] = [];
    for (let attempt = 1; attempt <= 3; attempt++) {
      const [job] = await jobs.claim('w', 1, now, lease);
      expect(job).toMatchObject({ id, attempts: attempt });
      const outcome = await jobs.fail('w', job!, `INTERNAL: boom ${attempt}`, now);
      if (outcome.status === 'queued') {
        delays.push(outcome.retryAt - now);
        expect(await jobs.claim('w', 1, outcome.retryAt - 1, lease)).toEqual([]);
        now = outcome.retryAt;
      } else {
        expect(outcome.status).toBe('failed');
        expect(attempt).toBe(3);
      }
    }
    expect(delays).toEqual([1_000, 2_000]);
    expect(await jobs.get(id)).toMatchObject({
      status: 'failed',
      attempts: 3,
      last_error: 'INTERNAL: boom 3',
      finished_at: now,
    });
    expect(await jobs.claim('w', 1, now + 10 * 60_000, lease)).toEqual([]);
  });

  it('fails at once when the failure is permanent', async () => {
    const { id } = await jobs.enqueue({ kind: 'k', payload: null, maxAttempts: 5 }, t0);
    const [job] = await jobs.claim('w', 1, t0, lease);
    expect(await jobs.fail('w', job!, 'JOB_PAYLOAD_INVALID: bad', t0, { permanent: true })).toEqual({
      status: 'failed',
    });
    expect(await jobs.get(id)).toMatchObject({ status: 'failed', attempts: 1 });
  });

  it('lets another worker take a job whose lease expired; the first can then neither complete, fail nor extend it', async () => {
    const { id } = await jobs.enqueue({ kind: 'k', payload: null }, t0);
    const [mine] = await jobs.claim('slow', 1, t0, 1_000);
    expect(await jobs.extendLease('slow', [id], t0 + 900, 1_000)).toEqual([id]);
    expect(await jobs.claim('other', 1, t0 + 1_500, 1_000)).toEqual([]);

    const [theirs] = await jobs.claim('other', 1, t0 + 2_000, 1_000);
    expect(theirs).toMatchObject({ id, locked_by: 'other', attempts: 2 });

    expect(await jobs.complete('slow', [id], t0 + 2_100)).toEqual([]);
    expect(await jobs.fail('slow', mine!, 'INTERNAL: late', t0 + 2_100)).toEqual({ status: 'lost' });
    expect(await jobs.extendLease('slow', [id], t0 + 2_100, 1_000)).toEqual([]);
    expect(await jobs.get(id)).toMatchObject({ status: 'running', locked_by: 'other' });

    expect(await jobs.complete('other', [id], t0 + 2_200)).toEqual([id]);
    expect(await jobs.get(id)).toMatchObject({ status: 'done', locked_by: 'other' });
  });

  it('fails a job abandoned on its last attempt instead of handing it out again', async () => {
    const { id } = await jobs.enqueue({ kind: 'k', payload: null, maxAttempts: 1 }, t0);
    await jobs.claim('dead', 1, t0, 1_000);
    expect(await jobs.claim('alive', 1, t0 + 5_000, 1_000)).toEqual([]);
    expect(await jobs.failAbandoned(t0 + 5_000)).toBe(1);
    expect(await jobs.get(id)).toMatchObject({ status: 'failed', finished_at: t0 + 5_000 });
    expect((await jobs.get(id))!.last_error).toMatch(/^JOB_ABANDONED/);
  });

  it('releases claimed jobs that never started, without counting an attempt', async () => {
    const { id } = await jobs.enqueue({ kind: 'k', payload: null }, t0);
    await jobs.claim('w', 1, t0, lease);
    expect(await jobs.release('w', [id])).toBe(1);
    expect(await jobs.get(id)).toMatchObject({ status: 'queued', attempts: 0, locked_until: null });
  });

  it('removes finished jobs older than the retention limit, and nothing pending', async () => {
    const old = await jobs.enqueue({ kind: 'k', payload: 1 }, t0);
    const recent = await jobs.enqueue({ kind: 'k', payload: 2 }, t0);
    const pending = await jobs.enqueue({ kind: 'k', payload: 3, runAt: t0 + 1 }, t0);
    await jobs.claim('w', 2, t0, lease);
    await jobs.complete('w', [old.id], t0 + 10);
    await jobs.complete('w', [recent.id], t0 + 1_000);
    expect(await jobs.removeFinished(t0 + 500)).toBe(1);
    expect(await jobs.get(old.id)).toBeUndefined();
    expect(await jobs.get(recent.id)).toBeDefined();
    expect(await jobs.get(pending.id)).toBeDefined();
  });
});

describe('backoffDelay', () => {
  it('doubles from the base, stops at the cap, and draws the jittered share at random', () => {
    const policy = { baseMs: 100, maxMs: 1_000, jitter: 0.5 };
    expect([1, 2, 3, 4, 5, 6].map((n) => backoffDelay(n, policy, () => 1))).toEqual([
      100, 200, 400, 800, 1_000, 1_000,
    ]);
    expect(backoffDelay(3, policy, () => 0)).toBe(200);
    expect(backoffDelay(3, policy, () => 0.5)).toBe(300);
  });
});
