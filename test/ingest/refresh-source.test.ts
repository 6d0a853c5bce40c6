import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, afterEach, describe, expect, it } from 'vitest';
import { createTestApp } from '../support/app.js';
import { testDialects } from '../support/databases.js';

// The refresh orchestrator against a real loopback HTTP server and both databases.
let web: Server;
let base: string;
let feedBody = '';
let status = 200;

const minute = 60_000;
const rss = (items: { guid: string; title: string; at: string }[], extra = '') =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>Loopback</title><link>http://loopback.test/</link>${extra}` +
  items.map((i) => `<item><guid>${i.guid}</guid><title>${i.title}</title><link>http://loopback.test/${i.guid}</link><pubDate>${i.at}</pubDate></item>`).join('') +
  '</channel></rss>';

beforeAll(async () => {
  web = createServer((req, res) => {
    if (status !== 200) return res.writeHead(status).end();
    if (req.headers['if-none-match'] === `"${feedBody.length}"`) return res.writeHead(304).end();
    res.writeHead(200, { 'content-type': 'application/rss+xml', etag: `"${feedBody.length}"`, 'cache-control': 'max-age=60' }).end(feedBody);
  });
  await new Promise<void>((resolve) => web.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(web.address() as AddressInfo).port}`;
});
afterAll(() => web.close());

describe.each(testDialects)('refreshing a source on %s', (dialect) => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  beforeEach(async () => {
    t = await createTestApp(dialect, { NEWSDESK_PAUSE_AFTER_FAILURES: '3' });
    status = 200;
  });
  afterEach(() => t.close());

  it('stores new items once, answers a 304 without parsing, and schedules by publishing rhythm', async () => {
    // Items two hours apart: the next check should come about two hours later.
    feedBody = rss([
      { guid: 'a', title: 'First', at: 'Sat, 01 Nov 2026 06:00:00 GMT' },
      { guid: 'b', title: 'Second', at: 'Sat, 01 Nov 2026 08:00:00 GMT' },
      { guid: 'c', title: 'Third', at: 'Sat, 01 Nov 2026 10:00:00 GMT' },
    ]);
    const source = await t.app.sources.add({ url: `${base}/feed` }, t.clock.now());
    const first = await t.app.refreshSource(source.id);
    expect(first).toMatchObject({ status: 'updated', items: 3 });
    const stored = await t.app.sources.get(source.id);
    expect(stored.title).toBe('Loopback');
    const wait = stored.nextCheckAt - t.clock.now();
    expect(wait).toBeGreaterThanOrEqual(108 * minute);
    expect(wait).toBeLessThanOrEqual(132 * minute);

    t.clock.advance(30 * minute);
    expect(await t.app.refreshSource(source.id)).toMatchObject({ status: 'not-modified' });
    const notModifiedAt = t.clock.now();
    feedBody = rss([{ guid: 'd', title: 'Fourth', at: 'Sat, 01 Nov 2026 11:00:00 GMT' }, { guid: 'a', title: 'First', at: 'Sat, 01 Nov 2026 06:00:00 GMT' }]);
    t.clock.advance(45 * minute);
    const third = await t.app.refreshSource(source.id);
    expect(third).toMatchObject({ status: 'updated', items: 2 });
    expect(third.status === 'updated' && third.newArticleIds).toHaveLength(1);
    expect(await t.app.articles.count()).toBe(4);

    // A new item appeared since the check before (the 304 counts): its first-seen time is that precise.
    const fourth = await t.app.articles.get(third.status === 'updated' ? third.newArticleIds[0]! : 0);
    expect(fourth).toMatchObject({ firstSeenAt: notModifiedAt + 45 * minute, seenSince: notModifiedAt });
    // Items of a source's first check may be of any age.
    expect((await t.app.articles.get(first.status === 'updated' ? first.newArticleIds[0]! : 0)).seenSince).toBeNull();
  });

  it('records failures with backoff, keeps stored articles, and pauses after too many', async () => {
    feedBody = rss([{ guid: 'a', title: 'Kept', at: 'Sat, 01 Nov 2026 06:00:00 GMT' }]);
    const source = await t.app.sources.add({ url: `${base}/feed` }, t.clock.now());
    await t.app.refreshSource(source.id);
    status = 500;
    for (let i = 1; i <= 3; i++) {
      const outcome = await t.app.refreshSource(source.id);
      expect(outcome).toMatchObject({ status: 'failed', code: 'FETCH_HTTP_STATUS', paused: i === 3 });
    }
    const failing = await t.app.sources.get(source.id);
    expect(failing).toMatchObject({ errorCount: 3, lastErrorCode: 'FETCH_HTTP_STATUS' });
    expect(failing.pausedAt).not.toBeNull();
    expect(failing.pauseReason).toMatch(/3 failures in a row/);
    expect(await t.app.sources.due(t.clock.now() + 365 * 24 * 60 * minute, 10)).toEqual([]);
    expect(await t.app.articles.count()).toBe(1);

    status = 200;
    await t.app.sources.resume(source.id, t.clock.now());
    expect(await t.app.sources.due(t.clock.now(), 10)).toEqual([source.id]);
    expect(await t.app.refreshSource(source.id)).toMatchObject({ status: 'not-modified' });
    const health = (await t.app.sources.listHealth(t.clock.now()))[0]!;
    expect(health).toMatchObject({ errorCount: 0, pausedAt: null, fetchCount: 2 });
  });

  it('backs off but never pauses a source that asks to slow down', async () => {
    const source = await t.app.sources.add({ url: `${base}/feed` }, t.clock.now());
    status = 429;
    for (let i = 1; i <= 4; i++) {
      expect(await t.app.refreshSource(source.id)).toMatchObject({ status: 'failed', code: 'FETCH_RATE_LIMITED', paused: false });
    }
    expect((await t.app.sources.get(source.id)).pausedAt).toBeNull();
  });

  it('records a malformed feed on the source without touching what is stored', async () => {
    feedBody = rss([{ guid: 'a', title: 'Kept', at: 'Sat, 01 Nov 2026 06:00:00 GMT' }]);
    const source = await t.app.sources.add({ url: `${base}/feed` }, t.clock.now());
    await t.app.refreshSource(source.id);
    feedBody = 'Service temporarily replaced by this plain text';
    expect(await t.app.refreshSource(source.id)).toMatchObject({ status: 'failed', code: 'FEED_MALFORMED' });
    expect(await t.app.articles.count()).toBe(1);
  });
});
