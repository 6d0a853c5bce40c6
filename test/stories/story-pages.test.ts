import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../../src/entrypoints/server/create-server.js';
import { createTestApp } from '../support/app.js';
import { testDialects } from '../support/databases.js';
import { seedStories } from './seed.js';

describe.each(testDialects)('story and article pages on %s', (dialect) => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let server: FastifyInstance;
  let ids: Awaited<ReturnType<typeof seedStories>>;
  let unplaced: number;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    server = await createServer(t.app);
    ids = await seedStories(t.app, t.clock.now());
    await t.app.storyAssigner.assignPending();
    const source = await t.app.sources.add(
      { url: 'https://late.example/feed', title: 'Late <News>' },
      t.clock.now(),
    );
    const stored = await t.app.articles.insertNew([
      {
        sourceId: source.id,
        itemKey: 'x',
        url: 'javascript:alert(1)',
        title: '<script>alert(1)</script>',
        summary: '<p>Plain &amp; simple</p><script>alert(2)</script><p>&lt;b&gt;not bold&lt;/b&gt;</p>',
        content: null,
        author: null,
        publishedAt: t.clock.now(),
        firstSeenAt: t.clock.now(),
        lang: null,
      },
    ]);
    unplaced = stored[0]!;
  });
  afterAll(async () => {
    await server.close();
    await t.close();
  });

  it('answers unknown and malformed ids with a 404 page', async () => {
    for (const url of [
      '/stories/999999',
      '/stories/abc',
      '/stories/0',
      '/articles/999999',
      '/articles/1e3',
      `/stories/${ids.copy}`,
      `/articles/${unplaced}/story`,
    ]) {
      const page = await server.inject(url);
      expect(page.statusCode, url).toBe(404);
      expect(page.headers['content-type']).toContain('text/html');
      expect(page.body).toContain('Not found');
    }
  });

  it('shows an article with its source, time, plain escaped text and links to its story and original', async () => {
    const page = await server.inject(`/articles/${ids.copy}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Daily Courier');
    expect(page.body).toContain('Floods force thousands from their homes in Maricka');
    expect(page.body).toContain(`href="/stories/${ids.wire}"`);
    expect(page.body).toContain(`href="/articles/${ids.wire}"`);
    expect(page.body).toContain('href="https://daily-courier.example/news/floods"');
    expect(page.body).toContain('<p dir="auto">Farmers in the valley said');
  });

  it('never renders stored markup as markup', async () => {
    const page = await server.inject(`/articles/${unplaced}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('<script>');
    expect(page.body).not.toContain('alert(2)');
    expect(page.body).not.toContain('href="javascript:');
    expect(page.body).toContain('Plain &amp; simple');
    expect(page.body).toContain('&lt;b>not bold&lt;/b>');
    expect(page.body).toContain('Not placed in a story yet.');
  });

  it('shows who, where and when the articles of a story name, with how many articles name each', async () => {
    const page = await server.inject({ url: `/stories/${ids.wire}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<h2>Who, where and when</h2>');
    const section = page.body.slice(page.body.indexOf('Who, where and when'));
    // The wire story and its republished copy both name the mayor.
    expect(section).toMatch(/Elena Dobreva <span class="count">\(2 articles\)/);
    expect(section).toMatch(/<time datetime="\d{4}-\d\d-\d\d">/);
  });

  it("redirects an article's story link to its story", async () => {
    const answer = await server.inject(`/articles/${ids.copy}/story`);
    expect(answer.statusCode).toBe(302);
    expect(answer.headers.location).toBe(`/stories/${ids.wire}`);
  });

  it('links each article of the home page to its page and its story', async () => {
    const home = (await server.inject('/')).body;
    expect(home).toContain(`href="/articles/${ids.copy}"`);
    expect(home).toContain(`href="/articles/${ids.copy}/story"`);
  });

  it('shows what is left of a story once a source is removed, and 404 once nothing is', async () => {
    const sources = await t.app.sources.list();
    const paper = sources.find((s) => s.title === 'Daily Courier')!;
    const wire = sources.find((s) => s.title === 'North Wire')!;
    await t.app.sources.remove(paper.id);
    const page = await server.inject(`/stories/${ids.wire}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('1 article ·');
    expect(page.body).not.toContain('Daily Courier');
    await t.app.sources.remove(wire.id);
    expect((await server.inject(`/stories/${ids.wire}`)).statusCode).toBe(404);
  });
});
