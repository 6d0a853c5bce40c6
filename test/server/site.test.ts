import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../../src/entrypoints/server/create-server.js';
import { createTestApp } from '../support/app.js';
import { testDialects } from '../support/databases.js';

describe.each(testDialects)('public site and health on %s', (dialect) => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let server: FastifyInstance;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    server = await createServer(t.app);
    const now = t.clock.now();
    const source = await t.app.sources.add({ url: 'https://news.example/feed', title: 'Example News' }, now);
    const base = { sourceId: source.id, summary: null, content: null, author: null, firstSeenAt: now, lang: null };
    await t.app.articles.insertNew([
      { ...base, itemKey: 'old', url: 'https://news.example/old', title: 'Older story', publishedAt: now - 3 * 3600_000 },
      { ...base, itemKey: 'new', url: 'https://news.example/new', title: 'Newest story', publishedAt: now - 5 * 60_000 },
      { ...base, itemKey: 'xss', url: 'javascript:alert(1)', title: '<script>alert(1)</script>', publishedAt: now - 3600_000 },
    ]);
  });
  afterAll(async () => {
    await server.close();
    await t.close();
  });

  it('answers /healthz and /readyz', async () => {
    expect((await server.inject('/healthz')).json()).toEqual({ status: 'ok' });
    const ready = await server.inject('/readyz');
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ready' });
  });

  it('lists the newest articles first with source, time and a link to the original', async () => {
    const page = await server.inject('/');
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    const html = page.body;
    expect(html.indexOf('Newest story')).toBeLessThan(html.indexOf('Older story'));
    expect(html).toContain('href="https://news.example/new"');
    expect(html).toContain('Example News');
    expect(html).toContain('5 min ago');
    expect(html).toContain(`datetime="${new Date(t.clock.now() - 5 * 60_000).toISOString()}"`);
  });

  it('escapes hostile titles and never links a javascript: URL', async () => {
    const html = (await server.inject('/')).body;
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt;script>alert(1)&lt;/script>');
    expect(html).not.toContain('href="javascript:');
  });

  it('serves the stylesheet and answers unknown paths with 404', async () => {
    const css = await server.inject('/static/site.css');
    expect(css.statusCode).toBe(200);
    expect((await server.inject('/no/such/page')).statusCode).toBe(404);
  });
});
