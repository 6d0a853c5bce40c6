import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createServer as createWebServer } from '../../src/entrypoints/server/create-server.js';
import { createTestApp } from '../support/app.js';
import { runCli } from '../support/cli.js';
import { testDialects } from '../support/databases.js';

// Fetched pages become clean article text: extraction through the app's own wiring, the
// source's repeated closing paragraph learned and removed (its credit kept), the article
// page showing the text, and `reextract` redoing it from the command line.
const places = ['', 'river district', 'old harbour', 'northern hills', 'market square', 'railway quarter'];
const features = ['', 'two parks and a cycle path', 'a ferry pier and a fish market', 'a school and a clinic', 'a covered hall and benches', 'a bus station and housing'];
const body = (n: number) => [
  `The city council approved the plan for the ${places[n]} after a long debate on Tuesday evening.`,
  `Residents of the ${places[n]} had asked for more space, and the revised plan adds ${features[n]} near the water.`,
  `Work on the ${places[n]} is expected to start next spring, officials said, with the ${features[n]} finished first.`,
];
const closing = (n: number) =>
  `These were the details of the news Council approves plan ${n} for this day. The original news has been published and is available at wire.example and the editorial team has confirmed it.`;
const page = (n: number) => `<!doctype html><html lang="en"><head><title>Council approves plan ${n}</title>
<meta property="article:published_time" content="2026-10-0${n}T09:00:00+03:00"></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Council approves plan ${n}</h1>${body(n).map((p) => `<p>${p}</p>`).join('')}<p>${closing(n)}</p></article>
<footer><a href="/about">About us</a></footer></body></html>`;

let web: Server;
let base: string;
beforeAll(async () => {
  web = createServer((req, res) => {
    const n = Number(/^\/news\/(\d)$/.exec(req.url ?? '')?.[1]);
    if (!n) return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page(n));
  });
  await new Promise<void>((resolve) => web.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(web.address() as AddressInfo).port}`;
});
afterAll(() => web.close());

describe.each(testDialects)('extracting fetched pages on %s', (dialect) => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  beforeEach(async () => {
    t = await createTestApp(dialect, { NEWSDESK_FETCH_DOMAIN_RATE: '100', NEWSDESK_FETCH_DOMAIN_BURST: '100' });
  });
  afterEach(() => t.close());

  async function storeAndFetch(numbers: number[]): Promise<number[]> {
    const source = await t.app.sources.add({ url: `${base}/feed` }, t.clock.now());
    const ids = await t.app.articles.insertNew(
      numbers.map((n) => ({
        sourceId: source.id, itemKey: `n${n}`, url: `${base}/news/${n}`, title: `Council approves plan ${n}`, summary: 'A short teaser.',
        content: null, author: null, publishedAt: t.clock.now(), firstSeenAt: t.clock.now(), lang: 'en',
      })),
    );
    const decide = t.app.catalogue.get('pages.decide')!;
    await t.app.queue.enqueue(decide, {});
    const worker = t.app.createWorker();
    worker.start();
    for (let i = 0; i < 200; i++) {
      const counts = await t.app.jobs.counts();
      if (counts.queued === 0 && counts.running === 0) break;
      await new Promise((r) => setTimeout(r, 25));
    }
    await worker.stop();
    return ids;
  }

  it('stores the clean text, learns the repeated closing paragraph, and keeps its credit', async () => {
    const ids = await storeAndFetch([1, 2, 3, 4]);
    for (const id of ids) await t.app.extractArticlePage(id); // in order, so the fourth has learned from the first three
    const first = await t.app.extractions.get(ids[0]!);
    const last = await t.app.extractions.get(ids[3]!);
    expect(first?.status).toBe('extracted');
    expect(last?.status).toBe('extracted');
    if (last?.status !== 'extracted' || first?.status !== 'extracted') return;
    for (const paragraph of body(4)) expect(last.text).toContain(paragraph);
    expect(last.text).not.toContain('These were the details of the news');
    expect(last.text).not.toContain('About us');
    expect(last.published).toBe('2026-10-04T09:00:00+03:00');
    expect(last.credits.map((c) => c.name ?? c.url).join(' ')).toContain('wire.example');

    const server = await createWebServer(t.app);
    const html = (await server.inject(`/articles/${ids[3]}`)).body;
    await server.close();
    expect(html).toContain(body(4)[1]!);
    expect(html).not.toContain('These were the details of the news');
  });

  it('records a page that is only a paywall as a failure with its metadata, leaving nothing of an earlier extraction', async () => {
    const [id] = await storeAndFetch([5]);
    expect(await t.app.extractArticlePage(id!)).toMatchObject({ status: 'extracted' });
    const wall = `<html><head><title>Council approves plan 5</title><meta property="article:published_time" content="2026-10-05T09:00:00+03:00">
      </head><body><div class="paywall"><p>Subscribe to continue reading.</p></div></body></html>`;
    await t.app.store.db.updateTable('article_pages').set({ body_gzip: new Uint8Array(await gz(wall)) }).where('article_id', '=', id!).execute();
    expect(await t.app.extractArticlePage(id!)).toMatchObject({ status: 'failed', code: 'EXTRACT_EMPTY' });
    const stored = await t.app.extractions.get(id!);
    expect(stored).toMatchObject({ status: 'failed', errorCode: 'EXTRACT_EMPTY' });
    if (stored?.status !== 'failed') return;
    expect(stored.metadata).toMatchObject({ title: 'Council approves plan 5', published: '2026-10-05T09:00:00+03:00', description: null });
    const row = await t.app.store.db.selectFrom('article_extractions').select(['text', 'html', 'credits', 'chosen']).where('article_id', '=', id!).executeTakeFirstOrThrow();
    expect(row).toEqual({ text: null, html: null, credits: null, chosen: null });
  });

  it('records a page that is not an article as a failure and keeps the feed text on the page', async () => {
    const [id] = await storeAndFetch([5]);
    await t.app.store.db.updateTable('article_pages').set({ body_gzip: new Uint8Array(await gz('')), content_type: 'text/html' }).where('article_id', '=', id!).execute();
    expect(await t.app.extractArticlePage(id!)).toMatchObject({ status: 'failed', code: 'EXTRACT_EMPTY' });
    expect(await t.app.extractions.get(id!)).toMatchObject({ status: 'failed', metadata: null });
    const server = await createWebServer(t.app);
    expect((await server.inject(`/articles/${id}`)).body).toContain('A short teaser.');
    await server.close();
  });

  if (dialect === 'sqlite') {
    it('re-extracts every stored page from the command line', async () => {
      await storeAndFetch([1, 2]);
      const env = { DATABASE_URL: `sqlite:${(t.database.location as { path: string }).path}`, NEWSDESK_LOAD_SAMPLE: 'false' };
      const result = await runCli(['reextract'], { env });
      expect(result.status).toBe(0);
      expect(result.stdout).toContain('2 pages: 2 extracted, 0 failed');
      expect(result.stderr).toContain('Extracting: 2/2 (100%)');
    });
  }
});

async function gz(text: string): Promise<Buffer> {
  const { gzipSync } = await import('node:zlib');
  return gzipSync(Buffer.from(text));
}
