import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { startServe, type ServeProcess } from '../support/serve-process.js';

// An administrator in a real browser: the cookies, the sign-in token, the CSRF fields and the
// Origin check must all agree with what Chromium actually sends.
describe('the admin pages in a browser', () => {
  let serve: ServeProcess;
  let browser: Browser;
  const dataDir = mkdtempSync(join(tmpdir(), 'newsdesk-admin-'));

  beforeAll(async () => {
    const env = { NEWSDESK_DATA_DIR: dataDir, NEWSDESK_LOAD_SAMPLE: 'false' };
    const added = await runCli(['user', 'add', '--admin', 'desk@example.org'], { env, input: 'browser test passphrase\n' });
    if (added.status !== 0) throw new Error(added.stderr);
    serve = await startServe(env);
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await serve?.stop('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('signs in, adds and removes a source, and signs out', async () => {
    const page = await browser.newPage();
    await page.goto(`${serve.baseUrl}/admin`);
    expect(new URL(page.url()).pathname).toBe('/admin/sign-in');

    await page.fill('#email', 'desk@example.org');
    await page.fill('#password', 'not the passphrase');
    await page.click('button[type=submit]');
    expect(await page.locator('.error').textContent()).toBe('The email or password is wrong.');

    await page.fill('#password', 'browser test passphrase');
    await page.click('button[type=submit]');
    expect(new URL(page.url()).pathname).toBe('/admin');
    expect(await page.locator('.empty').textContent()).toBe('No sources yet.');
    const cookie = (await page.context().cookies()).find((c) => c.name === 'newsdesk_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });

    // A loopback address nobody listens on: the worker's fetch, if it came, would stay on this machine.
    await page.fill('#url', 'http://127.0.0.1:9/feed.xml');
    await page.click('text=Add source');
    expect(await page.locator('[role=status]').textContent()).toContain('The source was added');
    expect(await page.locator('tr[data-source-id]').count()).toBe(1);
    await page.click('tr[data-source-id] >> text=Remove');
    expect(await page.locator('tr[data-source-id]').count()).toBe(0);

    await page.click('text=Sign out');
    expect(new URL(page.url()).pathname).toBe('/admin/sign-in');
    await page.goto(`${serve.baseUrl}/admin`);
    expect(new URL(page.url()).pathname).toBe('/admin/sign-in');
  });
});
