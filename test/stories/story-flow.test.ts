import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createServer } from '../../src/entrypoints/server/create-server.js';
import { Worker } from '../../src/jobs/worker.js';
import { createTestApp } from '../support/app.js';
import { testDialects } from '../support/databases.js';
import { seedStories } from './seed.js';

describe.each(testDialects)('from stored articles to the story page on %s', (dialect) => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  beforeEach(async () => {
    t = await createTestApp(dialect);
  });
  afterEach(async () => {
    await t.close();
  });

  it('the assignment job places a wire story and its republished copy, and the pages show original and copy', async () => {
    const ids = await seedStories(t.app, t.clock.now());
    const definition = t.app.catalogue.get('stories.assign')!;
    const { id: jobId } = await t.app.queue.enqueue(definition, {}, { uniqueKey: 'stories.assign' });
    const worker = new Worker(
      { jobs: t.app.jobs, catalogue: t.app.catalogue, clock: t.clock, logger: pino({ level: 'silent' }) },
      { concurrency: 1, leaseMs: 60_000, idleDelayMs: 20, drainTimeoutMs: 5_000 },
    );
    worker.start();
    try {
      for (let i = 0; i < 500 && (await t.app.jobs.get(jobId))?.status !== 'done'; i++)
        await new Promise((r) => setTimeout(r, 20));
    } finally {
      await worker.stop();
    }
    expect((await t.app.jobs.get(jobId))?.status).toBe('done');

    const server = await createServer(t.app);
    try {
      const article = await server.inject(`/articles/${ids.copy}`);
      expect(article.body).toContain(`href="/stories/${ids.wire}"`);
      const story = await server.inject(`/stories/${ids.wire}`);
      expect(story.statusCode).toBe(200);
      const html = story.body;
      // Both articles, each with its source; the wire's text is the original, the paper's a copy.
      const wireItem = html.slice(
        html.indexOf(`id="article-${ids.wire}"`),
        html.indexOf(`id="article-${ids.copy}"`),
      );
      const copyItem = html.slice(html.indexOf(`id="article-${ids.copy}"`));
      expect(wireItem).toContain('North Wire');
      expect(wireItem).toContain('original</span>');
      expect(wireItem).toMatch(
        /credited by Daily Courier \(&quot;[^<]*northwire\.news&quot;\)|credited by Daily Courier \("[^<]*northwire\.news"\)/,
      );
      expect(copyItem).toContain('Daily Courier');
      expect(copyItem).toMatch(/copy of <a href="#article-\d+">the original<\/a>, \d+% changed/);
      expect(html).not.toContain(ids.others.map((id) => `id="article-${id}"`)[0]);
      // The facts of the story: the evacuation count stated by both.
      expect(html).toContain('more than 3,200 residents');
      expect(html).toContain('(2 articles)');
    } finally {
      await server.close();
    }
  });
});
