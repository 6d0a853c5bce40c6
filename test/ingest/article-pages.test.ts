import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { manualClock } from '../../src/platform/clock.js';
import { decidePages, fetchArticlePage, STALE_PENDING_MS, type PageDependencies } from '../../src/pipeline/ingest/fetch-article-page.js';
import { fetchUrl } from '../../src/pipeline/fetch/fetch-url.js';
import { ArticleRepository } from '../../src/store/repositories/articles.js';
import { PageRepository } from '../../src/store/repositories/pages.js';
import { SourceRepository } from '../../src/store/repositories/sources.js';
import { createTestDatabase, testDialects, type TestDatabase } from '../support/databases.js';

// Pages behind summary-only articles: decided once, fetched once, stored compressed, and
// every way a fetch can end recorded on the page row.
let web: Server;
let base: string;
let hits = 0;
const articleHtml = `<!doctype html><html><body><article>${'<p>A paragraph of the article. </p>'.repeat(200)}</article></body></html>`;

beforeAll(async () => {
  web = createServer((req, res) => {
    hits++;
    if (req.url === '/story') return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(articleHtml);
    if (req.url === '/paper.pdf') return res.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF-1.4');
    if (req.url === '/flaky') return res.destroy();
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => web.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(web.address() as AddressInfo).port}`;
});
afterAll(() => web.close());

describe.each(testDialects)('article pages on %s', (dialect) => {
  let t: TestDatabase;
  let deps: PageDependencies;
  let pages: PageRepository;
  let clock: ReturnType<typeof manualClock>;
  let sourceId: number;
  let articles: ArticleRepository;

  beforeEach(async () => {
    t = await createTestDatabase(dialect);
    clock = manualClock(Date.UTC(2026, 10, 1));
    pages = new PageRepository(t.store.db);
    articles = new ArticleRepository(t.store.db, t.store.capabilities);
    sourceId = (await new SourceRepository(t.store.db).add({ url: `${base}/feed` }, clock.now())).id;
    deps = {
      pages,
      robots: { verdict: async (url) => ({ allowed: !url.includes('/private/'), temporary: false }) },
      fetchPage: (url) => fetchUrl(url, { userAgent: 'Newsdesk-test', timeoutMs: 2000, maxBytes: 1 << 20, allowPrivateNetworks: true }),
      clock,
      logger: pino({ level: 'silent' }),
    };
    hits = 0;
  });
  afterEach(() => t.drop());

  const store = async (path: string, content: string | null = null) => {
    const [id] = await articles.insertNew([
      { sourceId, itemKey: path, url: path.startsWith('http') ? path : `${base}${path}`, title: path, summary: 'A teaser.', content, author: null, publishedAt: clock.now(), firstSeenAt: clock.now(), lang: null },
    ]);
    return id!;
  };

  it('fetches the page of a summary-only article once and keeps it compressed', async () => {
    const id = await store('/story');
    const fullText = await store('/full', `<p>${'word '.repeat(400)}</p>`);
    expect(await decidePages(deps)).toEqual([id]);
    expect(await decidePages(deps)).toEqual([]);
    expect((await pages.get(fullText))?.status).toBe('skipped');

    expect(await fetchArticlePage(id, deps, { finalAttempt: false })).toEqual({ status: 'fetched', bytes: Buffer.byteLength(articleHtml) });
    const page = await pages.get(id);
    expect(page).toMatchObject({ status: 'fetched', contentType: 'text/html; charset=utf-8', finalUrl: `${base}/story` });
    expect(page?.body?.toString()).toBe(articleHtml);
    expect(await fetchArticlePage(id, deps, { finalAttempt: false })).toMatchObject({ status: 'skipped' });
    expect(hits).toBe(1);
  });

  it('never fetches the pages of the bundled sample, a snapshot that sends no traffic to its publishers', async () => {
    const sample = await new SourceRepository(t.store.db).add({ url: 'sample:guardian-us.rss', isSample: true }, clock.now());
    const [id] = await articles.insertNew([
      { sourceId: sample.id, itemKey: 's', url: `${base}/story`, title: 's', summary: 'A teaser.', content: null, author: null, publishedAt: clock.now(), firstSeenAt: clock.now(), lang: null },
    ]);
    expect(await decidePages(deps)).toEqual([]);
    expect(await pages.get(id!)).toMatchObject({ status: 'skipped', reason: 'an article of the bundled sample' });
    expect(hits).toBe(0);
  });

  it('honours robots.txt, keeps only HTML, and records failures', async () => {
    const disallowed = await store('/private/story');
    const pdf = await store('/paper.pdf');
    const missing = await store('/missing');
    await decidePages(deps);
    expect(await fetchArticlePage(disallowed, deps, { finalAttempt: false })).toMatchObject({ status: 'skipped', reason: 'robots.txt disallows it' });
    expect(await fetchArticlePage(pdf, deps, { finalAttempt: false })).toMatchObject({ status: 'skipped', reason: 'not a web page (application/pdf)' });
    expect(await fetchArticlePage(missing, deps, { finalAttempt: false })).toMatchObject({ status: 'failed' });
    expect(await pages.get(missing)).toMatchObject({ status: 'failed', errorCode: 'FETCH_HTTP_STATUS' });
    expect(await pages.countByStatus()).toEqual({ pending: 0, fetched: 0, failed: 1, skipped: 2 });
  });

  it('throws a transient failure for a retry, and records it on the final attempt', async () => {
    const flaky = await store('/flaky');
    await decidePages(deps);
    await expect(fetchArticlePage(flaky, deps, { finalAttempt: false })).rejects.toMatchObject({ code: 'SOURCE_UNREACHABLE' });
    expect((await pages.get(flaky))?.status).toBe('pending');
    expect(await fetchArticlePage(flaky, deps, { finalAttempt: true })).toMatchObject({ status: 'failed' });
  });

  it('retries later when robots.txt could not be read, and gives up on the final attempt', async () => {
    const id = await store('/story');
    await decidePages(deps);
    const closed = { ...deps, robots: { verdict: async () => ({ allowed: false, temporary: true, retryAfterMs: 3_600_000 }) } };
    await expect(fetchArticlePage(id, closed, { finalAttempt: false })).rejects.toMatchObject({ code: 'FETCH_RATE_LIMITED' });
    expect((await pages.get(id))?.status).toBe('pending');
    expect(await fetchArticlePage(id, closed, { finalAttempt: true })).toMatchObject({ status: 'skipped' });
    expect(hits).toBe(0);
  });

  it('queues again a page left pending too long, whose job was lost', async () => {
    const id = await store('/story');
    expect(await decidePages(deps)).toEqual([id]);
    clock.advance(STALE_PENDING_MS + 1);
    expect(await decidePages(deps)).toEqual([id]);
  });
});
