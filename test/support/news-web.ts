import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import {
  createServer as createTcpServer,
  type AddressInfo,
  type Server as TcpServer,
  type Socket,
} from 'node:net';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';
import { WebSubHub } from './news-web-hub.js';

/**
 * A local "news web" for tests: an HTTP server on 127.0.0.1 (random port) that serves
 * fixture feeds and pages, anything a test registers, and the misbehaviours a fetcher
 * meets in the wild. Nothing it does reaches beyond 127.0.0.1.
 *
 * Named behaviours (paths under the origin):
 * - `/too-many-requests?retry-after=V`, `/unavailable?retry-after=V`: 429 / 503 with that Retry-After (seconds or a date)
 * - `/slow-headers?ms=N`: the status line only after N ms
 * - `/slow-drip?interval=N&bytes=M`: one byte every N ms, M bytes in all
 * - `/endless`: a body that never ends
 * - `/gzip-bomb`, `/brotli-bomb`: 50 MiB of zeros, sent compressed (about 50 KB and 100 bytes)
 * - `/redirect-loop`, `/redirect-chain/N` (N redirects, then a page), `/redirect?to=URL` (anywhere, e.g. a private address)
 * - `/wrong-charset`: a UTF-8 page whose Content-Type header says ISO-8859-1
 * - `/feed.rss`, `/article.html` (gzip-encoded): fixtures; `/robots.txt`: what `robots()` set, 404 by default
 * - `/websub/hub`: a WebSub hub (see `hub`)
 * Any path given to `serve()` answers 304 to a conditional GET matching its ETag or Last-Modified.
 */
export interface NewsWeb {
  /** `http://127.0.0.1:PORT` */
  readonly origin: string;
  url(path: string): string;
  serve(path: string, body: string | Buffer, options?: ServeOptions): void;
  /** robots.txt content, or an HTTP status to answer instead (404, 500...). */
  robots(content: string | number): void;
  /** Every request received, in order. */
  readonly requests: readonly ReceivedRequest[];
  hits(path: string): number;
  /** An https origin whose TCP port accepts connections but never answers the TLS handshake. */
  readonly silentTlsOrigin: string;
  readonly hub: WebSubHub;
  close(): Promise<void>;
}

export interface ServeOptions {
  status?: number;
  headers?: Record<string, string>;
}

export interface ReceivedRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  /** When it arrived (epoch ms). */
  at: number;
}

const fixtures = new URL('../fixtures/news-web/', import.meta.url);
const BOMB_BYTES = 50 * 1024 * 1024;
const lazy = <T>(make: () => T) => {
  let value: T | undefined;
  return () => (value ??= make());
};
const gzipBomb = lazy(() => gzipSync(Buffer.alloc(BOMB_BYTES)));
const brotliBomb = lazy(() =>
  brotliCompressSync(Buffer.alloc(BOMB_BYTES), { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 5 } }),
);

export async function startNewsWeb(): Promise<NewsWeb> {
  const routes = new Map<string, { body: Buffer; status: number; headers: Record<string, string> }>();
  const requests: ReceivedRequest[] = [];
  let robotsTxt: string | number = 404;
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://news.web');
    requests.push({ method: req.method ?? 'GET', path: url.pathname, headers: req.headers, at: Date.now() });
    const route = routes.get(url.pathname);
    if (route) return serveRoute(req, res, route);
    if (url.pathname === '/robots.txt') {
      if (typeof robotsTxt === 'number') return res.writeHead(robotsTxt).end();
      return res.writeHead(200, { 'content-type': 'text/plain' }).end(robotsTxt);
    }
    if (url.pathname.startsWith('/websub/')) return hub.handle(req, res, url);
    behave(url, res);
  });
  await listen(server);
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const hub = new WebSubHub(`${origin}/websub/hub`);
  const silent = await startSilentTcp();
  const web: NewsWeb = {
    origin,
    url: (path) => new URL(path, origin).href,
    serve: (path, body, options = {}) =>
      void routes.set(path, {
        body: Buffer.from(body),
        status: options.status ?? 200,
        headers: options.headers ?? {},
      }),
    robots: (content) => void (robotsTxt = content),
    requests,
    hits: (path) => requests.filter((r) => r.path === path).length,
    silentTlsOrigin: `https://127.0.0.1:${(silent.server.address() as AddressInfo).port}`,
    hub,
    close: async () => {
      server.closeAllConnections();
      for (const socket of silent.sockets) socket.destroy();
      await Promise.all([new Promise((r) => server.close(r)), new Promise((r) => silent.server.close(r))]);
    },
  };
  web.serve('/feed.rss', readFileSync(new URL('feed.rss', fixtures)), {
    headers: { 'content-type': 'application/rss+xml' },
  });
  web.serve('/article.html', readFileSync(new URL('article.html.gz', fixtures)), {
    headers: { 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'gzip' },
  });
  return web;
}

function serveRoute(
  req: IncomingMessage,
  res: ServerResponse,
  route: { body: Buffer; status: number; headers: Record<string, string> },
) {
  const etag = route.headers['etag'] ?? route.headers['ETag'];
  const lastModified = route.headers['last-modified'] ?? route.headers['Last-Modified'];
  const fresh =
    (etag !== undefined && req.headers['if-none-match'] === etag) ||
    (lastModified !== undefined && req.headers['if-modified-since'] === lastModified);
  if (fresh && route.status === 200)
    return res.writeHead(304, pick(route.headers, ['etag', 'last-modified', 'cache-control'])).end();
  res.writeHead(route.status, route.headers).end(route.body);
}

function behave(url: URL, res: ServerResponse): void {
  const param = (name: string, fallback: number) => Number(url.searchParams.get(name) ?? fallback);
  const path = url.pathname;
  const chain = /^\/redirect-chain\/(\d+)$/.exec(path);
  if (chain) {
    const left = Number(chain[1]);
    if (left === 0) return void res.writeHead(200, { 'content-type': 'text/plain' }).end('end of the chain');
    return void res.writeHead(302, { location: `/redirect-chain/${left - 1}` }).end();
  }
  switch (path) {
    case '/too-many-requests':
    case '/unavailable': {
      const retryAfter = url.searchParams.get('retry-after');
      return void res
        .writeHead(
          path === '/unavailable' ? 503 : 429,
          retryAfter === null ? {} : { 'retry-after': retryAfter },
        )
        .end();
    }
    case '/slow-headers':
      return void setTimeout(
        () => res.writeHead(200, { 'content-type': 'text/plain' }).end('late'),
        param('ms', 1000),
      );
    case '/slow-drip':
      return drip(res, param('interval', 100), param('bytes', 1000));
    case '/endless':
      return endless(res);
    case '/gzip-bomb':
      return void res
        .writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' })
        .end(gzipBomb());
    case '/brotli-bomb':
      return void res
        .writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'br' })
        .end(brotliBomb());
    case '/redirect-loop':
      return void res.writeHead(302, { location: '/redirect-loop-b' }).end();
    case '/redirect-loop-b':
      return void res.writeHead(301, { location: '/redirect-loop' }).end();
    case '/redirect':
      return void res.writeHead(302, { location: url.searchParams.get('to') ?? '/' }).end();
    case '/wrong-charset':
      return void res
        .writeHead(200, { 'content-type': 'text/html; charset=iso-8859-1' })
        .end(
          '<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>الأخبار — Café</title></head><body><p>مرحبا بالعالم</p></body></html>',
        );
    default:
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  }
}

function drip(res: ServerResponse, intervalMs: number, bytes: number): void {
  res.writeHead(200, { 'content-type': 'text/plain', 'content-length': String(bytes) });
  let sent = 0;
  const timer = setInterval(() => {
    if (res.destroyed || sent >= bytes) {
      clearInterval(timer);
      return void (sent >= bytes && res.end());
    }
    res.write('.');
    sent++;
  }, intervalMs);
  res.on('close', () => clearInterval(timer));
}

function endless(res: ServerResponse): void {
  res.writeHead(200, { 'content-type': 'text/html' });
  const chunk = Buffer.alloc(64 * 1024, 'a');
  const pump = () => {
    while (!res.destroyed && res.write(chunk));
  };
  res.on('drain', pump);
  pump();
}

async function startSilentTcp(): Promise<{ server: TcpServer; sockets: Set<Socket> }> {
  const sockets = new Set<Socket>();
  const server = createTcpServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await listen(server);
  return { server, sockets };
}

function listen(server: Server | TcpServer): Promise<void> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
}

function pick(headers: Record<string, string>, names: string[]): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([k]) => names.includes(k.toLowerCase())));
}
