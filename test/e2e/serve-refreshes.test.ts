import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { startServe, type ServeProcess } from '../support/serve-process.js';

// The one real path through the worker: a source added on the command line is fetched over
// HTTP by `newsdesk serve`'s scheduler and worker, and its items appear on the home page.
const feed = (items: string[]) => `<?xml version="1.0"?><rss version="2.0"><channel><title>Loopback News</title>
<link>http://news.test/</link>${items.map((t, i) => `<item><title>${t}</title><link>http://news.test/${i}</link><guid>item-${i}</guid><pubDate>Sat, 01 Nov 2026 10:0${i}:00 GMT</pubDate></item>`).join('')}</channel></rss>`;

describe('serve fetches due sources in its worker', () => {
  let newsWeb: Server;
  let serve: ServeProcess;
  let requests = 0;
  const env = { NEWSDESK_DATA_DIR: mkdtempSync(join(tmpdir(), 'newsdesk-e2e-')), NEWSDESK_LOAD_SAMPLE: 'false', NEWSDESK_ALLOW_PRIVATE_NETWORKS: 'true' };

  beforeAll(async () => {
    newsWeb = createServer((req, res) => {
      requests++;
      if (req.headers['if-none-match'] === '"v1"') return res.writeHead(304).end();
      res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"v1"' }).end(feed(['Council approves new bridge', 'Storm closes schools']));
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

  it('shows the fetched items on the home page without a manual refresh', async () => {
    let html = '';
    for (let i = 0; i < 100 && !html.includes('Storm closes schools'); i++) {
      await new Promise((r) => setTimeout(r, 100));
      html = await (await fetch(serve.baseUrl)).text();
    }
    expect(html).toContain('Council approves new bridge');
    expect(html).toContain('Storm closes schools');
    expect(html).toContain('Loopback News');
    expect(requests).toBe(1);
  });

  it('drains on SIGTERM and exits 0', async () => {
    expect(await serve.stop('SIGTERM')).toBe(0);
    expect(serve.output()).not.toMatch(/"level":"(error|fatal)"/);
  });
});
