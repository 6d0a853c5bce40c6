import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPrivateAddress } from './address-guard.js';
import { fetchUrl, type FetchOptions } from './fetch-url.js';

// A small local web server with the behaviours a fetcher meets in the wild.
let server: Server;
let base: string;
const options: FetchOptions = { userAgent: 'Newsdesk-test', timeoutMs: 2000, maxBytes: 64 * 1024, allowPrivateNetworks: true };

beforeAll(async () => {
  server = createServer((req, res) => {
    switch (req.url) {
      case '/feed':
        if (req.headers['if-none-match'] === '"v1"') return res.writeHead(304).end();
        return res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"v1"' }).end('<rss/>');
      case '/loop-a':
        return res.writeHead(302, { location: '/loop-b' }).end();
      case '/loop-b':
        return res.writeHead(302, { location: '/loop-a' }).end();
      case '/moved':
        return res.writeHead(301, { location: '/feed' }).end();
      case '/big':
        return res.writeHead(200).end(Buffer.alloc(200 * 1024, 'x'));
      case '/bomb':
        return res.writeHead(200, { 'content-encoding': 'gzip' }).end(gzipSync(Buffer.alloc(50 * 1024 * 1024)));
      case '/slow':
        res.writeHead(200);
        res.write('start');
        return; // never ends
      case '/gone':
        return res.writeHead(410).end();
      default:
        return res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

describe('fetchUrl', () => {
  it('fetches, and answers 304 to a conditional GET with the validator it gave', async () => {
    const first = await fetchUrl(`${base}/feed`, options);
    expect(first.body.toString()).toBe('<rss/>');
    expect(first.etag).toBe('"v1"');
    const second = await fetchUrl(`${base}/feed`, { ...options, etag: first.etag });
    expect(second.notModified).toBe(true);
  });

  it('follows redirects and reports the final URL, but stops a loop', async () => {
    expect((await fetchUrl(`${base}/moved`, options)).finalUrl).toBe(`${base}/feed`);
    await expect(fetchUrl(`${base}/loop-a`, options)).rejects.toMatchObject({ code: 'SOURCE_UNREACHABLE' });
  });

  it('enforces the size limit on plain and compressed bodies', async () => {
    await expect(fetchUrl(`${base}/big`, options)).rejects.toMatchObject({ code: 'FETCH_TOO_LARGE' });
    await expect(fetchUrl(`${base}/bomb`, options)).rejects.toMatchObject({ code: 'FETCH_TOO_LARGE' });
  });

  it('times out a body that never ends', async () => {
    await expect(fetchUrl(`${base}/slow`, { ...options, timeoutMs: 300 })).rejects.toMatchObject({ code: 'FETCH_TIMEOUT' });
  });

  it('reports error statuses with the status', async () => {
    await expect(fetchUrl(`${base}/gone`, options)).rejects.toMatchObject({ code: 'FETCH_HTTP_STATUS' });
  });

  it('refuses private addresses unless allowed, by IP literal and after DNS', async () => {
    const strict = { ...options, allowPrivateNetworks: false };
    await expect(fetchUrl(`${base}/feed`, strict)).rejects.toMatchObject({ code: 'FETCH_BLOCKED' });
    const port = (server.address() as AddressInfo).port;
    await expect(fetchUrl(`http://localhost:${port}/feed`, strict)).rejects.toMatchObject({ code: 'FETCH_BLOCKED' });
  });

  it('refuses schemes other than http and https', async () => {
    await expect(fetchUrl('file:///etc/passwd', options)).rejects.toMatchObject({ code: 'URL_INVALID' });
    await expect(fetchUrl('not a url', options)).rejects.toMatchObject({ code: 'URL_INVALID' });
  });
});

describe('isPrivateAddress', () => {
  it('knows private, loopback, link-local and mapped addresses from public ones', () => {
    for (const a of ['127.0.0.1', '10.1.2.3', '172.20.0.1', '192.168.1.1', '169.254.169.254', '::1', 'fd00::1', 'fe80::1', '::ffff:10.0.0.1']) {
      expect(isPrivateAddress(a), a).toBe(true);
    }
    for (const a of ['93.184.216.34', '8.8.8.8', '2606:4700::1111']) expect(isPrivateAddress(a), a).toBe(false);
  });
});
