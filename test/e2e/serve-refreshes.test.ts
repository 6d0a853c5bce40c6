import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { startServe, type ServeProcess } from '../support/serve-process.js';

// The real path through the worker: a source added on the command line is fetched over HTTP
// by `newsdesk serve`'s scheduler and worker, its items appear on the home page, and the page
// behind a summary-only item is fetched, extracted and shown on the article page. Every
// address is on this machine.
const articleText = [
  'The council approved the new bridge over the river after a debate that lasted well into the night.',
  'Engineers expect the work to take three years, and the old ferry will keep running until the bridge opens.',
];
const articlePage = `<!doctype html><html lang="en"><head><title>Council approves new bridge</title></head><body>
<nav><a href="/">Home</a></nav><article><h1>Council approves new bridge</h1>${articleText.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;

describe('serve fetches due sources and their article pages in its worker', () => {
  let newsWeb: Server;
  let serve: ServeProcess;
  let feedRequests = 0;
  const env = { NEWSDESK_DATA_DIR: mkdtempSync(join(tmpdir(), 'newsdesk-e2e-')), NEWSDESK_LOAD_SAMPLE: 'false', NEWSDESK_ALLOW_PRIVATE_NETWORKS: 'true' };

  beforeAll(async () => {
    newsWeb = createServer((req, res) => {
      const origin = `http://127.0.0.1:${(newsWeb.address() as AddressInfo).port}`;
      if (req.url === '/feed.xml') {
        feedRequests++;
        if (req.headers['if-none-match'] === '"v1"') return res.writeHead(304).end();
        const items = [
          `<item><title>Council approves new bridge</title><link>${origin}/news/bridge</link><guid>item-1</guid><pubDate>Sat, 01 Nov 2026 10:00:00 GMT</pubDate><description>A short teaser.</description></item>`,
          `<item><title>Storm closes schools</title><link>${origin}/news/storm</link><guid>item-2</guid><pubDate>Sat, 01 Nov 2026 11:00:00 GMT</pubDate></item>`,
        ];
        return res
          .writeHead(200, { 'content-type': 'application/rss+xml', etag: '"v1"' })
          .end(`<?xml version="1.0"?><rss version="2.0"><channel><title>Loopback News</title><link>${origin}/</link>${items.join('')}</channel></rss>`);
      }
      if (req.url === '/news/bridge') return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(articlePage);
      res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => newsWeb.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(newsWeb.address() as AddressInfo).port}/feed.xml`;
    expect((await runCli(['source', 'add', url], { env })).status).toBe(0);
    serve = await startServe(env);
  }, 60_000);
  afterAll(async () => {
    await serve?.stop('SIGKILL');
    newsWeb?.close();
  });

  const poll = async (path: string, until: (html: string) => boolean): Promise<string> => {
    let html = '';
    for (let i = 0; i < 150 && !until(html); i++) {
      await new Promise((r) => setTimeout(r, 100));
      html = await (await fetch(`${serve.baseUrl}${path}`)).text();
    }
    return html;
  };

  it('shows the fetched items on the home page without a manual refresh', async () => {
    const html = await poll('/', (h) => h.includes('Storm closes schools'));
    expect(html).toContain('Council approves new bridge');
    expect(html).toContain('Storm closes schools');
    expect(html).toContain('Loopback News');
    expect(feedRequests).toBe(1);
  });

  it('fetches the page of a summary-only item and shows its extracted text', async () => {
    const home = await (await fetch(serve.baseUrl)).text();
    const item = home.split('<li class="article">').find((li) => li.includes('Council approves new bridge')) ?? '';
    const articleId = /href="\/articles\/(\d+)"/.exec(item)?.[1];
    expect(articleId).toBeDefined();
    const page = await poll(`/articles/${articleId}`, (h) => h.includes(articleText[1]!));
    expect(page).toContain(articleText[0]);
    expect(page).toContain(articleText[1]);
    expect(page).not.toContain('A short teaser.');
  });

  it('drains on SIGTERM and exits 0', async () => {
    expect(await serve.stop('SIGTERM')).toBe(0);
    expect(serve.output()).not.toMatch(/"level":"(error|fatal)"/);
  });
});
