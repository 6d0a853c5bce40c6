// A loopback "news web" of generated feeds, run as its own process so that serving does not
// compete with ingestion for the same core. It answers on HOSTS loopback addresses
// (127.0.1.1, 127.0.1.2, ...: each a publisher with its own politeness budget), all on one
// port, which it prints on standard output. /feed/<n> is an RSS 2.0 feed of 25 items with a
// stable ETag (a conditional GET gets a 304).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const ITEMS = Number(process.env.BENCH_ITEMS_PER_FEED ?? 25);
const paragraph =
  'The council met on Tuesday to discuss the budget for the coming year, with members debating transport, schools and housing at length before a vote.';

function feed(n: number): string {
  const items: string[] = [];
  for (let i = 0; i < ITEMS; i++) {
    const at = new Date(Date.UTC(2026, 9, 1) + n * 60_000 + i * 3_600_000).toUTCString();
    items.push(
      `<item><title>Story ${i} from source ${n}: ${paragraph.slice(0, 40)}</title><link>https://source${n}.example/news/${i}?utm_source=rss</link>` +
        `<guid isPermaLink="false">source-${n}-item-${i}</guid><pubDate>${at}</pubDate><description>&lt;p&gt;${paragraph} (${n}/${i})&lt;/p&gt;</description>` +
        `<category>Local</category><dc:creator>Desk ${i % 7}</dc:creator></item>`,
    );
  }
  return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Source ${n}</title><link>https://source${n}.example/</link><language>en</language>${items.join('')}</channel></rss>`;
}

const HOSTS = Number(process.env.BENCH_HOSTS ?? 100);

const handler: Parameters<typeof createServer>[1] = (req, res) => {
  const match = /^\/feed\/(\d+)$/.exec(req.url ?? '');
  if (!match) return res.writeHead(404).end();
  const etag = `"feed-${match[1]}-v1"`;
  if (req.headers['if-none-match'] === etag) return res.writeHead(304, { etag }).end();
  res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag }).end(feed(Number(match[1])));
};

const listen = (host: string, port: number) =>
  new Promise<number>((resolve, reject) => {
    const server = createServer(handler);
    server.keepAliveTimeout = 30_000;
    server.once('error', reject);
    server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
  });

const port = await listen('127.0.1.1', 0);
for (let h = 2; h <= HOSTS; h++) await listen(`127.0.1.${h}`, port);
process.stdout.write(`${port}\n`);
process.on('SIGTERM', () => process.exit(0));
