import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { VERIFICATION_TIMEOUT_MS } from '../../src/pipeline/websub/subscription-rules.js';
import { SourceRepository } from '../../src/store/repositories/sources.js';
import { WebSubRepository } from '../../src/store/repositories/websub.js';
import { createTestDatabase, testDialects, type TestDatabase } from '../support/databases.js';

const HOUR = 3_600_000;
const now = Date.UTC(2026, 10, 1, 12);

describe.each(testDialects)('WebSub subscriptions on %s', (dialect) => {
  let t: TestDatabase;
  let sources: SourceRepository;
  let subscriptions: WebSubRepository;

  beforeEach(async () => {
    t = await createTestDatabase(dialect);
    sources = new SourceRepository(t.store.db);
    subscriptions = new WebSubRepository(t.store.db);
  });
  afterEach(() => t.drop());

  it('creates one row per source and keeps its callback token and secret on later calls', async () => {
    const source = await sources.add({ url: 'https://news.example/feed' }, now);
    const first = await subscriptions.ensure(source.id, { callbackToken: 'token-1', secret: 'secret-1' });
    const again = await subscriptions.ensure(source.id, { callbackToken: 'token-2', secret: 'secret-2' });
    expect(again).toMatchObject({ id: first.id, sourceId: source.id, callbackToken: 'token-1', secret: 'secret-1', state: 'requested', failures: 0 });
  });

  it('moves through requested → active → renewal (stays active) → failed, keeping the lease times', async () => {
    const source = await sources.add({ url: 'https://news.example/feed' }, now);
    const { id } = await subscriptions.ensure(source.id, { callbackToken: 't', secret: 's' });
    await subscriptions.markRequested(id, { hub: 'https://hub.example/', topic: 'https://news.example/feed' }, now);
    expect(await subscriptions.get(id)).toMatchObject({ state: 'requested', hub: 'https://hub.example/', requestedAt: now });
    await subscriptions.activate(id, 3600, now + 1000);
    expect(await subscriptions.get(id)).toMatchObject({ state: 'active', leaseSeconds: 3600, verifiedAt: now + 1000, expiresAt: now + 1000 + 3600_000 });
    await subscriptions.markRequested(id, { hub: 'https://hub.example/', topic: 'https://news.example/feed' }, now + 2000);
    expect(await subscriptions.get(id)).toMatchObject({ state: 'active', requestedAt: now + 2000 });
    await subscriptions.markFailed(id, 'hub gone', now + HOUR);
    await subscriptions.markFailed(id, 'hub gone again', now + 2 * HOUR);
    expect(await subscriptions.get(id)).toMatchObject({ state: 'failed', failures: 2, lastError: 'hub gone again', retryAt: now + 2 * HOUR, expiresAt: now + 1000 + 3600_000 });
    await subscriptions.activate(id, 7200, now + 3000);
    expect(await subscriptions.get(id)).toMatchObject({ state: 'active', failures: 0, lastError: null, retryAt: null });
  });

  it('lists http sources never looked at, skipping local and paused ones and those with a row', async () => {
    const fresh = await sources.add({ url: 'https://a.example/feed' }, now);
    const known = await sources.add({ url: 'http://b.example/feed' }, now);
    await sources.add({ url: 'sample:guardian-us.rss' }, now);
    const paused = await sources.add({ url: 'https://c.example/feed' }, now);
    await sources.pause(paused.id, 'by hand', now);
    await subscriptions.ensure(known.id, { callbackToken: 't', secret: 's' });
    expect(await subscriptions.undiscoveredSourceIds(10)).toEqual([fresh.id]);
  });

  it('finds subscriptions of removed sources, which outlive them until unsubscribed', async () => {
    const kept = await sources.add({ url: 'https://a.example/feed' }, now);
    const removed = await sources.add({ url: 'https://b.example/feed' }, now);
    await subscriptions.ensure(kept.id, { callbackToken: 't1', secret: 's1' });
    const orphan = await subscriptions.ensure(removed.id, { callbackToken: 't2', secret: 's2' });
    await sources.remove(removed.id);
    expect((await subscriptions.orphaned(10)).map((s) => s.id)).toEqual([orphan.id]);
    await subscriptions.remove(orphan.id);
    expect(await subscriptions.orphaned(10)).toEqual([]);
  });

  it('picks leases near their end, failures due for a retry and lost requests, and nothing else', async () => {
    const add = async (n: number) => (await subscriptions.ensure((await sources.add({ url: `https://s${n}.example/feed` }, now)).id, { callbackToken: `t${n}`, secret: 's' })).id;
    const ending = await add(1);
    await subscriptions.activate(ending, 3600, now - 3000_000);
    const farOff = await add(2);
    await subscriptions.activate(farOff, 30 * 24 * 3600, now);
    const retryDue = await add(3);
    await subscriptions.markFailed(retryDue, 'refused', now - 1);
    const retryLater = await add(4);
    await subscriptions.markFailed(retryLater, 'refused', now + HOUR);
    const lost = await add(5);
    await subscriptions.markRequested(lost, { hub: 'https://hub.example/', topic: 'https://s5.example/feed' }, now - 2 * HOUR);
    const waiting = await add(6);
    await subscriptions.markRequested(waiting, { hub: 'https://hub.example/', topic: 'https://s6.example/feed' }, now - 60_000);
    const ids = (await subscriptions.needingAttention(now, VERIFICATION_TIMEOUT_MS, 100)).map((s) => s.id);
    expect(ids).toEqual([ending, retryDue, lost]);
  });
});
