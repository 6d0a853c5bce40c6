import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchUrl, type FetchOptions } from '../../src/pipeline/fetch/fetch-url.js';
import { domainOf, HostPoliteness } from '../../src/pipeline/fetch/host-politeness.js';
import { startNewsWeb, type NewsWeb } from '../support/news-web.js';

let web: NewsWeb;
const options: FetchOptions = {
  userAgent: 'Newsdesk-test',
  timeoutMs: 3000,
  maxBytes: 64 * 1024,
  allowPrivateNetworks: true,
};
const never = new AbortController().signal;
const far = () => Date.now() + 60_000;

beforeAll(async () => {
  web = await startNewsWeb();
});
afterAll(() => web.close());

describe('HostPoliteness', () => {
  it('groups hosts by registrable domain, using the public suffix list', () => {
    expect(domainOf(new URL('https://www.bbc.co.uk/news'))).toBe('bbc.co.uk');
    expect(domainOf(new URL('https://feeds.bbci.co.uk/news/rss.xml'))).toBe('bbci.co.uk');
    expect(domainOf(new URL('https://alice.github.io/feed.xml'))).toBe('alice.github.io');
    expect(domainOf(new URL('http://127.0.0.1:8080/feed'))).toBe('127.0.0.1');
  });

  it('lets at most the configured number of requests to one host run at once, in order of arrival', async () => {
    const politeness = new HostPoliteness({
      perHostConcurrency: 2,
      domainRequestsPerSecond: 1000,
      domainBurst: 100,
    });
    const host = new URL('https://news.example.com/a');
    const first = await politeness.acquire(host, never, far());
    await politeness.acquire(host, never, far());
    const order: string[] = [];
    const third = politeness.acquire(host, never, far()).then(() => order.push('third'));
    const fourth = politeness.acquire(host, never, far()).then(() => order.push('fourth'));
    // Another host of the same domain has slots of its own.
    await politeness.acquire(new URL('https://www.example.com/'), never, far());
    await new Promise((r) => setTimeout(r, 30));
    expect(order).toEqual([]);
    first();
    first(); // releasing twice frees one slot only
    await third;
    await new Promise((r) => setTimeout(r, 30));
    expect(order).toEqual(['third']);
    void fourth;
  });

  it('spaces requests to one domain at the configured rate once the burst is spent', async () => {
    const politeness = new HostPoliteness({
      perHostConcurrency: 10,
      domainRequestsPerSecond: 10,
      domainBurst: 2,
    });
    const started = Date.now();
    const times: number[] = [];
    for (const host of ['a.example.org', 'b.example.org', 'c.example.org', 'd.example.org']) {
      (await politeness.acquire(new URL(`https://${host}/`), never, far()))();
      times.push(Date.now() - started);
    }
    expect(times[1]).toBeLessThan(50);
    expect(times[2]).toBeGreaterThanOrEqual(90);
    expect(times[3]).toBeGreaterThanOrEqual(190);
    // Another domain is not held up by this one.
    const other = Date.now();
    (await politeness.acquire(new URL('https://example.net/'), never, far()))();
    expect(Date.now() - other).toBeLessThan(50);
  });

  it('refuses at once a turn that would come after the deadline, without spending a token', async () => {
    const politeness = new HostPoliteness({
      perHostConcurrency: 10,
      domainRequestsPerSecond: 1,
      domainBurst: 1,
    });
    (await politeness.acquire(new URL('https://example.org/'), never, far()))();
    const started = Date.now();
    const error = await politeness
      .acquire(new URL('https://example.org/'), never, Date.now() + 200)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'FETCH_RATE_LIMITED' });
    expect((error as { context: { retryAfterMs: number } }).context.retryAfterMs).toBeGreaterThan(800);
    expect(Date.now() - started).toBeLessThan(50);
  });

  it('holds a domain off for as long as its server asked', async () => {
    let now = 1_000_000;
    const politeness = new HostPoliteness(
      { perHostConcurrency: 2, domainRequestsPerSecond: 100, domainBurst: 5 },
      () => now,
    );
    politeness.holdOff(new URL('https://www.example.com/feed'), 30_000);
    const error = await politeness
      .acquire(new URL('https://cdn.example.com/x.jpg'), never, now + 60_000)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'FETCH_RATE_LIMITED', context: { retryAfterMs: 30_000 } });
    now += 30_001;
    (await politeness.acquire(new URL('https://cdn.example.com/x.jpg'), never, now + 60_000))();
  });
});

describe('fetchUrl with politeness', () => {
  it('waits its turn for every request, redirects included', async () => {
    const politeness = new HostPoliteness({
      perHostConcurrency: 2,
      domainRequestsPerSecond: 10,
      domainBurst: 1,
    });
    const started = Date.now();
    // Two redirects and the page itself: three turns, the second and third 100 ms apart.
    const result = await fetchUrl(web.url('/redirect-chain/2'), { ...options, politeness });
    expect(result.body.toString()).toBe('end of the chain');
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
  });

  it('sends at most the allowed number of requests to one host at a time', async () => {
    const politeness = new HostPoliteness({
      perHostConcurrency: 2,
      domainRequestsPerSecond: 1000,
      domainBurst: 100,
    });
    const before = web.requests.length;
    await Promise.all(
      [1, 2, 3, 4].map(() => fetchUrl(web.url('/slow-headers?ms=150'), { ...options, politeness })),
    );
    const arrivals = web.requests.slice(before).map((r) => r.at);
    expect(arrivals).toHaveLength(4);
    // Two at once, then the next two only as the first two finish.
    expect(arrivals[1]! - arrivals[0]!).toBeLessThan(100);
    expect(arrivals[2]! - arrivals[0]!).toBeGreaterThanOrEqual(140);
    expect(arrivals[3]! - arrivals[0]!).toBeGreaterThanOrEqual(140);
  });

  it('keeps a domain that answered 429 alone for the time it asked, without asking again', async () => {
    const politeness = new HostPoliteness({
      perHostConcurrency: 2,
      domainRequestsPerSecond: 100,
      domainBurst: 10,
    });
    await expect(
      fetchUrl(web.url('/too-many-requests?retry-after=120'), { ...options, politeness }),
    ).rejects.toMatchObject({
      code: 'FETCH_RATE_LIMITED',
      context: { retryAfterMs: 120_000 },
    });
    const before = web.requests.length;
    const error = await fetchUrl(web.url('/feed.rss'), { ...options, politeness }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'FETCH_RATE_LIMITED' });
    expect((error as { context: { retryAfterMs: number } }).context.retryAfterMs).toBeGreaterThan(110_000);
    expect(web.requests.length).toBe(before);
  });
});
