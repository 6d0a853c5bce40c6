import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseOpml } from '../../src/pipeline/parse/opml.js';
import { runCli } from '../support/cli.js';

const fixture = (name: string) =>
  fileURLToPath(new URL(`../fixtures/opml/${encodeURIComponent(name)}`, import.meta.url));
const freshEnv = () => ({
  NEWSDESK_DATA_DIR: mkdtempSync(join(tmpdir(), 'newsdesk-opml-')),
  NEWSDESK_LOAD_SAMPLE: 'false',
});

// Each case runs the real binary several times; on a busy machine that takes a while.
describe('import-opml and export-opml', { timeout: 90_000 }, () => {
  it('imports a list with its folders as categories, skips what is followed, and exports it back', async () => {
    const env = freshEnv();
    const first = await runCli(['import-opml', fixture('Business & Economy.opml')], { env });
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/^Added 16 sources from .*; 0 already followed, 0 invalid entries\./);
    await runCli(['import-opml', fixture('iran-with-category.opml')], { env });
    const again = await runCli(['import-opml', '--json', fixture('Business & Economy.opml')], { env });
    expect(JSON.parse(again.stdout)).toMatchObject({ added: [], invalid: [] });
    expect((JSON.parse(again.stdout) as { skipped: string[] }).skipped).toHaveLength(16);

    const exported = await runCli(['export-opml'], { env });
    expect(exported.status).toBe(0);
    const back = parseOpml(new TextEncoder().encode(exported.stdout));
    const original = ['Business & Economy.opml', 'iran-with-category.opml'].flatMap(
      (name) => parseOpml(readFileSync(fixture(name))).feeds,
    );
    expect(back.feeds.map((f) => [f.url, f.category, f.title]).sort()).toEqual(
      original.map((f) => [f.url, f.category, f.title]).sort(),
    );
  });

  it('reports invalid entries and refuses a file that is not OPML', async () => {
    const env = freshEnv();
    const list = join(env.NEWSDESK_DATA_DIR, 'list.opml');
    writeFileSync(
      list,
      '<opml version="2.0"><body><outline text="Desk"><outline type="rss" text="Good" xmlUrl="https://good.example/rss" htmlUrl="https://good.example/"/><outline type="rss" text="Bad" xmlUrl="gopher://old.example/feed"/></outline></body></opml>',
    );
    const result = await runCli(['import-opml', list], { env });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Added 1 source from');
    expect(result.stdout).toContain('1 invalid entry');
    expect(result.stdout).toContain(
      'skipped Bad <gopher://old.example/feed>: the feed address is not an absolute http(s) URL',
    );
    const sources = (await runCli(['source', 'list', '--json'], { env })).stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { category: string });
    expect(sources).toMatchObject([{ category: 'Desk', title: 'Good', siteUrl: 'https://good.example/' }]);
    expect((await runCli(['export-opml'], { env })).stdout).toContain(
      '<outline type="rss" text="Good" title="Good" xmlUrl="https://good.example/rss" htmlUrl="https://good.example/"/>',
    );

    const notOpml = join(env.NEWSDESK_DATA_DIR, 'feed.xml');
    writeFileSync(notOpml, '<rss version="2.0"><channel/></rss>');
    const refused = await runCli(['import-opml', notOpml], { env });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('not OPML');
  });
});
