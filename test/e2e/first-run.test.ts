import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderHomePage } from '../../src/publish/site/home-page.js';
import { startServe, type ServeProcess } from '../support/serve-process.js';

// A newcomer's first run: `newsdesk serve` on an empty SQLite database shows the bundled
// sample news on the home page, in a real browser, and stops cleanly on SIGTERM.
describe('first run in a browser', () => {
  let serve: ServeProcess;
  let browser: Browser;
  let startedAt: number;

  beforeAll(async () => {
    startedAt = Date.now();
    serve = await startServe({ NEWSDESK_DATA_DIR: mkdtempSync(join(tmpdir(), 'newsdesk-e2e-')) });
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await serve?.stop('SIGKILL');
  });

  it('shows real sample news, labelled as sample, within a minute of starting', async () => {
    const page = await browser.newPage();
    await page.goto(serve.baseUrl);
    const items = page.locator('li.article');
    expect(await items.count()).toBe(50);
    expect(await page.locator('li.article .badge', { hasText: 'sample' }).count()).toBe(50);
    const firstLink = await items.first().locator('h2 a').getAttribute('href');
    expect(firstLink).toMatch(/^https?:\/\//);
    expect(Date.now() - startedAt).toBeLessThan(60_000);
  });

  it('lets right-to-left titles set their own direction beside left-to-right ones', async () => {
    const base = { url: 'https://example.org/a', sourceId: 1, sourceTitle: 'مصدر', sourceUrl: 'https://example.org/feed', sourceIsSample: false };
    const html = renderHomePage({
      siteTitle: 'Newsdesk',
      now: Date.UTC(2026, 0, 1),
      articles: [
        { ...base, id: 1, title: 'البرلمان يقر الميزانية العامة', publishedAt: Date.UTC(2026, 0, 1) },
        { ...base, id: 2, title: 'Parliament approves the budget', publishedAt: Date.UTC(2025, 11, 31) },
      ],
    });
    const page = await browser.newPage();
    await page.setContent(html);
    const directions = await page.locator('li.article h2').evaluateAll((nodes) => nodes.map((n) => n.matches(':dir(rtl)') ? 'rtl' : 'ltr'));
    expect(directions).toEqual(['rtl', 'ltr']);
  });

  it('drains and exits 0 on SIGTERM', async () => {
    expect(await serve.stop('SIGTERM')).toBe(0);
  });
});
