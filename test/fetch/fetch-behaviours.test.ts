import { gunzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchUrl, type FetchOptions } from '../../src/pipeline/fetch/fetch-url.js';
import { startNewsWeb, type NewsWeb } from '../support/news-web.js';

// Every misbehaviour of the local news web, met through fetchUrl.
let web: NewsWeb;
const options: FetchOptions = {
  userAgent: 'Newsdesk/0.1 (+https://newsdesk.test/contact)',
  timeoutMs: 3000,
  maxBytes: 1024 * 1024,
  allowPrivateNetworks: true,
};

beforeAll(async () => {
  web = await startNewsWeb();
});
afterAll(() => web.close());

describe('fetching from the news web', () => {
  it('fetches a fixture feed and a gzip-encoded article page, decoded, sending our User-Agent', async () => {
    const feed = await fetchUrl(web.url('/feed.rss'), options);
    expect(feed.status).toBe(200);
    expect(feed.contentType).toBe('application/rss+xml');
    expect(feed.body.toString('latin1')).toContain('<title>RSS0.92 Example</title>');
    const page = await fetchUrl(web.url('/article.html'), options);
    const fixture = gunzipSync(
      readFileSync(new URL('../fixtures/news-web/article.html.gz', import.meta.url)),
    );
    expect(page.body.equals(fixture)).toBe(true);
    expect(web.requests.find((r) => r.path === '/article.html')?.headers['user-agent']).toBe(
      options.userAgent,
    );
  });

  it('answers 304 to a conditional GET by ETag and by Last-Modified', async () => {
    const lastModified = 'Tue, 03 Nov 2026 10:00:00 GMT';
    web.serve('/conditional.xml', '<rss/>', { headers: { etag: '"v7"', 'last-modified': lastModified } });
    const first = await fetchUrl(web.url('/conditional.xml'), options);
    expect(first).toMatchObject({ status: 200, notModified: false, etag: '"v7"', lastModified });
    const byEtag = await fetchUrl(web.url('/conditional.xml'), { ...options, etag: first.etag });
    expect(byEtag).toMatchObject({ status: 304, notModified: true });
    expect(byEtag.body.length).toBe(0);
    const byDate = await fetchUrl(web.url('/conditional.xml'), {
      ...options,
      lastModified: first.lastModified,
    });
    expect(byDate.notModified).toBe(true);
    const changed = await fetchUrl(web.url('/conditional.xml'), { ...options, etag: '"v6"' });
    expect(changed.notModified).toBe(false);
  });

  it('passes a wrong charset header through untouched, for the decoder to overrule', async () => {
    const page = await fetchUrl(web.url('/wrong-charset'), options);
    expect(page.contentType).toBe('text/html; charset=iso-8859-1');
    expect(page.body.toString('utf8')).toContain('مرحبا بالعالم');
  });
});

describe('limits', () => {
  it('cuts an endless body at the size limit', async () => {
    await expect(fetchUrl(web.url('/endless'), options)).rejects.toMatchObject({ code: 'FETCH_TOO_LARGE' });
  });

  it('cuts gzip and brotli bombs after the limit of decompressed bytes', async () => {
    // What goes over the wire (50 KB, 100 bytes) is far under the 1 MiB limit: only counting
    // decompressed bytes catches these.
    for (const path of ['/gzip-bomb', '/brotli-bomb']) {
      await expect(fetchUrl(web.url(path), options), path).rejects.toMatchObject({
        code: 'FETCH_TOO_LARGE',
        context: { maxBytes: options.maxBytes },
      });
    }
  });

  it('gives up on a slow drip at the total timeout, though bytes keep coming', async () => {
    const started = Date.now();
    await expect(
      fetchUrl(web.url('/slow-drip?interval=50&bytes=1000'), { ...options, timeoutMs: 500 }),
    ).rejects.toMatchObject({ code: 'FETCH_TIMEOUT', context: { phase: 'total' } });
    expect(Date.now() - started).toBeLessThan(3000);
    // A drip that finishes in time is a normal answer.
    const short = await fetchUrl(web.url('/slow-drip?interval=10&bytes=5'), options);
    expect(short.body.toString()).toBe('.....');
  });

  it('gives up waiting for headers at the header timeout, before the total one', async () => {
    const started = Date.now();
    const error = await fetchUrl(web.url('/slow-headers?ms=2000'), {
      ...options,
      headerTimeoutMs: 200,
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'FETCH_TIMEOUT', context: { phase: 'headers' } });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('gives up on a server that accepts the connection but never completes the handshake', async () => {
    const started = Date.now();
    const error = await fetchUrl(`${web.silentTlsOrigin}/feed`, { ...options, connectTimeoutMs: 200 }).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: 'FETCH_TIMEOUT', context: { phase: 'connect' } });
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe('redirects', () => {
  it('follows up to five redirects and refuses a sixth', async () => {
    const five = await fetchUrl(web.url('/redirect-chain/5'), options);
    expect(five.finalUrl).toBe(web.url('/redirect-chain/0'));
    expect(five.body.toString()).toBe('end of the chain');
    await expect(fetchUrl(web.url('/redirect-chain/6'), options)).rejects.toMatchObject({
      code: 'SOURCE_UNREACHABLE',
    });
  });

  it('stops a redirect loop at the first repeat', async () => {
    const before = web.hits('/redirect-loop');
    await expect(fetchUrl(web.url('/redirect-loop'), options)).rejects.toThrow(/Redirect loop/);
    expect(web.hits('/redirect-loop') - before).toBe(1);
  });

  it('refuses a redirect to a scheme other than http and https', async () => {
    await expect(fetchUrl(web.url('/redirect?to=file:///etc/passwd'), options)).rejects.toMatchObject({
      code: 'URL_INVALID',
    });
  });
});
