import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

const rss = (title: string) =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>${title}</title><item><title>${title} item</title><link>https://example.org/${encodeURIComponent(title)}</link></item></channel></rss>`;
const atom = `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Comments</title></feed>`;
const newsEntry = (slug: string, title: string) =>
  `<url><loc>https://example.org/${slug}</loc><news:news><news:publication><news:name>Loopback Gazette</news:name><news:language>en</news:language></news:publication><news:publication_date>2024-05-01T10:00:00Z</news:publication_date><news:title>${title}</news:title></news:news></url>`;

/** A small "news web" on 127.0.0.1: pages with and without feed links, feeds, a sitemap index. */
const routes: Record<string, [string, string | Buffer]> = {
  '/': [
    'text/html',
    `<html><head><link rel="alternate" type="application/rss+xml" title="Front page" href="/news/feed"><link rel="alternate" type="application/atom+xml" href="/comments/feed"></head><body>Hello</body></html>`,
  ],
  '/bare': ['text/html', '<html><body><p>No feed links here.</p></body></html>'],
  '/news/feed': ['application/rss+xml', rss('Front page')],
  '/comments/feed': ['application/atom+xml', atom],
  '/feed': ['application/rss+xml', rss('Site feed')],
  '/sitemap-index': [
    'application/xml',
    `<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>/sitemap-news.xml.gz</loc><lastmod>2024-05-01</lastmod></sitemap></sitemapindex>`,
  ],
  '/sitemap-news.xml.gz': [
    'application/gzip',
    gzipSync(
      `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">${newsEntry('a', 'Dam opens')}${newsEntry('b', 'Port strike ends')}</urlset>`,
    ),
  ],
};

function listen(handler: Parameters<typeof createServer>[1]): Promise<Server> {
  const server = createServer(handler);
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}
const base = (server: Server) => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
// Every request here goes to one local host: lift the per-domain pacing that protects real publishers.
const freshEnv = () => ({
  NEWSDESK_DATA_DIR: mkdtempSync(join(tmpdir(), 'newsdesk-discovery-')),
  NEWSDESK_LOAD_SAMPLE: 'false',
  NEWSDESK_ALLOW_PRIVATE_NETWORKS: 'true',
  NEWSDESK_FETCH_DOMAIN_RATE: '100',
  NEWSDESK_FETCH_DOMAIN_BURST: '50',
});
const followed = async (env: Record<string, string>) =>
  (await runCli(['source', 'list', '--json'], { env })).stdout
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => (JSON.parse(l) as { url: string }).url)
    .sort();

// Each case runs the real binary several times; on a busy machine that takes a while.
describe('source add with feed discovery', { timeout: 90_000 }, () => {
  let site: Server;
  let empty: Server;
  beforeAll(async () => {
    site = await listen((req, res) => {
      const route = routes[new URL(req.url ?? '/', 'http://x').pathname];
      if (!route) return res.writeHead(404).end('not found');
      res.writeHead(200, { 'content-type': route[0] }).end(route[1]);
    });
    empty = await listen((req, res) =>
      req.url === '/'
        ? res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>nothing</body></html>')
        : res.writeHead(404).end(),
    );
  });
  afterAll(() => {
    site?.close();
    empty?.close();
  });

  it('lists the feeds of a page and exits 1 with guidance when there is no terminal to ask', async () => {
    const env = freshEnv();
    const result = await runCli(['source', 'add', `${base(site)}/`], { env });
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(`1. ${base(site)}/news/feed  Front page  (application/rss+xml)`);
    expect(result.stdout).toContain(`2. ${base(site)}/comments/feed`);
    expect(result.stderr).toContain('--all');
    expect(await followed(env)).toEqual([]);
  });

  it('adds every feed of a page with --all, and a feed address as it is', async () => {
    const env = freshEnv();
    const all = await runCli(['source', 'add', '--all', `${base(site)}/`], { env });
    expect(all.status).toBe(0);
    expect(await followed(env)).toEqual([`${base(site)}/comments/feed`, `${base(site)}/news/feed`]);
    const again = await runCli(['source', 'add', '--all', `${base(site)}/`], { env });
    expect(again.stdout).toContain(`Already following ${base(site)}/news/feed`);
    const single = await runCli(['source', 'add', `${base(site)}/feed`], { env });
    expect(single.status).toBe(0);
    expect(await followed(env)).toHaveLength(3);
  });

  it('tries the common feed paths of a page that declares none, and says so when none answers', async () => {
    const env = freshEnv();
    const probed = await runCli(['source', 'add', '--all', `${base(site)}/bare`], { env });
    expect(probed.status).toBe(0);
    expect(await followed(env)).toEqual([`${base(site)}/feed`]);
    const none = await runCli(['source', 'add', `${base(empty)}/`], { env });
    expect(none.status).toBe(1);
    expect(none.stderr).toContain('FEED_NOT_FOUND');
  });

  it('follows a news sitemap index as a source and stores its entries', async () => {
    const env = freshEnv();
    expect((await runCli(['source', 'add', `${base(site)}/sitemap-index`], { env })).status).toBe(0);
    const refresh = await runCli(['refresh'], { env });
    expect(refresh.stdout).toContain('1 sources checked, 2 new articles, 0 failed');
    const list = await runCli(['source', 'list', '--json'], { env });
    expect(JSON.parse(list.stdout.trim()) as { title: string }).toMatchObject({ title: 'Loopback Gazette' });
  });
});
