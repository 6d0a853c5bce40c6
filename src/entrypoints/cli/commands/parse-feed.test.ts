import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Command } from 'commander';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { loadFeedFixture } from '../../../../test/fixtures/feeds/load-fixture.js';
import { loadConfig } from '../../../platform/config/config.js';
import type { CliContext } from '../context.js';
import { registerParseFeed } from './parse-feed.js';

async function run(args: string[]): Promise<string[]> {
  const lines: string[] = [];
  const context = {
    output: {
      line: (text: string) => lines.push(text),
      json: (value: unknown) => lines.push(JSON.stringify(value)),
    },
    // The real configuration with its defaults, as the command line would load it.
    config: () => loadConfig({ NEWSDESK_ALLOW_PRIVATE_NETWORKS: 'true' }).config,
  } as unknown as CliContext;
  const program = new Command().exitOverride();
  registerParseFeed(program, context);
  await program.parseAsync(['node', 'newsdesk', 'parse-feed', ...args]);
  return lines;
}

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'newsdesk-parse-feed-'));
}

describe('newsdesk parse-feed', () => {
  it('prints a feed file, gzipped or not, as pretty JSON, resolving links against --url', async () => {
    const dir = tempDir();
    const gz = join(dir, 'gulp.atom.gz');
    writeFileSync(gz, gzipSync(loadFeedFixture('rss-parser/gulp-atom.atom')));
    const [text] = await run([gz, '--url', 'https://github.com/gulpjs/gulp/releases.atom']);
    expect(text).toContain('\n  "title": "Release notes from gulp"');
    const feed = JSON.parse(text!) as { items: Array<{ link: string }> };
    expect(feed.items[0]!.link).toBe('https://github.com/gulpjs/gulp/releases/tag/v3.9.0');
  });

  it('answers every manifest line in order, failures included', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'page.html'), '<html><body>not a feed</body></html>');
    const manifest = join(dir, 'manifest.jsonl');
    const fixture = (name: string) =>
      new URL(`../../../../test/fixtures/feeds/${name}`, import.meta.url).pathname;
    writeFileSync(
      manifest,
      [
        { id: 'a', file: fixture('rss-parser/heraldsun.rss') },
        { id: 'b', file: join(dir, 'missing.xml') },
        { id: 'c', file: join(dir, 'page.html') },
        { id: 'd', file: fixture('rss-parser/gulp-atom.atom'), url: 'https://github.com/x.atom' },
      ]
        .map((row) => JSON.stringify(row))
        .join('\n') + '\n\nnot json\n',
    );
    const lines = (await run(['--batch', manifest])).map(
      (l) =>
        JSON.parse(l) as {
          id: string;
          feed?: { title: string; items: Array<{ link: string }> };
          error?: { code: string };
        },
    );
    expect(lines.map((l) => l.id)).toEqual(['a', 'b', 'c', 'd', null]);
    expect(lines[0]!.feed!.title).toBe('RSS0.92 Example');
    expect(lines[1]!.error!.code).toBe('FILE_NOT_FOUND');
    expect(lines[2]!.error!.code).toBe('FEED_MALFORMED');
    expect(lines[3]!.feed!.items[0]!.link).toBe('https://github.com/gulpjs/gulp/releases/tag/v3.9.0');
    expect(lines[4]!.error!.code).toBe('INPUT_INVALID');
  });

  it('fetches an http address and reads the charset the server sends', async () => {
    const body = iconv.encode(
      '<rss version="2.0"><channel><title>Новости</title><item><link>/a</link></item></channel></rss>',
      'windows-1251',
    );
    const server = createServer((_req, res) =>
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=windows-1251' }).end(body),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/feed`;
      const feed = JSON.parse((await run([url]))[0]!) as { title: string; items: Array<{ link: string }> };
      expect(feed.title).toBe('Новости');
      expect(feed.items[0]!.link).toBe(new URL('/a', url).href);
    } finally {
      server.close();
    }
  });

  it('refuses a file and --batch together, and neither', async () => {
    await expect(run(['a.xml', '--batch', 'm.jsonl'])).rejects.toMatchObject({ code: 'USAGE' });
    await expect(run([])).rejects.toMatchObject({ code: 'USAGE' });
  });
});
