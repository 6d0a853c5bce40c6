import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

const sampleFeed = fileURLToPath(new URL('../../sample/feeds/guardian-us.rss', import.meta.url));

function freshEnv(): Record<string, string> {
  const dir = mkdtempSync(join(tmpdir(), 'newsdesk-cli-'));
  return { NEWSDESK_DATA_DIR: dir, NEWSDESK_LOAD_SAMPLE: 'false' };
}

describe('newsdesk command line', () => {
  it('prints usage and exits 2 on wrong usage', async () => {
    const unknown = await runCli(['frobnicate']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/unknown command 'frobnicate'/);
    const missing = await runCli(['source', 'add']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/missing required argument 'location'/);
    const help = await runCli(['--help']);
    expect(help.status).toBe(0);
    for (const command of ['serve', 'migrate', 'config', 'source', 'refresh']) expect(help.stdout).toContain(command);
  });

  it('stops with one line naming a bad setting, exit 2', async () => {
    const result = await runCli(['config'], { env: { NEWSDESK_PORT: '99999' } });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('NEWSDESK_PORT="99999" is not allowed: expected an integer from 0 to 65535.');
  });

  it('prints the effective configuration with where each value came from, secrets masked', async () => {
    const result = await runCli(['config'], { env: { DATABASE_URL: 'postgres://news:hunter2@db.internal/news', NEWSDESK_PORT: '9090' } });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/NEWSDESK_PORT\s+9090\s+\[environment\]/);
    expect(result.stdout).toMatch(/NEWSDESK_SITE_TITLE\s+Newsdesk\s+\[default\]/);
    expect(result.stdout).toContain('postgres://news:****@db.internal/news');
    expect(result.stdout).not.toContain('hunter2');
  });

  it('reports an unreachable database clearly, exit 1', async () => {
    const result = await runCli(['source', 'list'], { env: { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' } });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/Cannot reach the PostgreSQL at postgres:\/\/nobody@127\.0\.0\.1:1\/none/);
    expect(result.stderr).toContain('DATABASE_UNREACHABLE');
  });

  it('refuses a missing file and a URL that is not http(s)', async () => {
    const env = freshEnv();
    const missing = await runCli(['source', 'add', 'no/such/feed.xml'], { env });
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('no/such/feed.xml is neither an http(s) URL nor an existing file');
    const ftp = await runCli(['source', 'add', 'ftp://example.org/feed'], { env });
    expect(ftp.status).toBe(1);
    expect(ftp.stderr).toContain('ftp: addresses are not fetched; only http and https are');
  });

  it('adds a feed file, refreshes it once, stores nothing twice, and records a broken feed on its source', async () => {
    const env = freshEnv();
    expect((await runCli(['source', 'add', sampleFeed], { env })).status).toBe(0);
    const first = await runCli(['refresh'], { env });
    expect(first.status).toBe(0);
    const added = Number(/(\d+) new articles/.exec(first.stdout)?.[1]);
    expect(added).toBeGreaterThan(10);
    const second = await runCli(['refresh'], { env });
    expect(second.stdout).toContain('0 new articles, 0 failed');

    const broken = join(env.NEWSDESK_DATA_DIR!, 'broken.xml');
    writeFileSync(broken, 'this is not a feed at all');
    await runCli(['source', 'add', broken], { env });
    const third = await runCli(['refresh'], { env });
    expect(third.status).toBe(1);
    expect(third.stdout).toMatch(/failed \(FEED_MALFORMED\)/);
    const list = await runCli(['source', 'list', '--json'], { env });
    const sources = list.stdout.trim().split('\n').map((l) => JSON.parse(l) as { url: string; lastErrorCode: string | null; errorCount: number });
    expect(sources[0]).toMatchObject({ url: broken, lastErrorCode: 'FEED_MALFORMED', errorCount: 1 });
    expect(sources[1]).toMatchObject({ url: sampleFeed, lastErrorCode: null });
  });
});
