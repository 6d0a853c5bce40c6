import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { fetchUrl, type FetchOptions } from '../../src/pipeline/fetch/fetch-url.js';
import { RobotsPolicy, type RobotsPolicyOptions } from '../../src/pipeline/fetch/robots-policy.js';
import { startNewsWeb, type NewsWeb } from '../support/news-web.js';

// A fresh news web per test, so each starts with no robots.txt fetched.
let web: NewsWeb;
let now = Date.UTC(2026, 10, 1);
const userAgent = 'Newsdesk/0.1 (+https://newsdesk.test/contact)';
const fetchOptions: FetchOptions = {
  userAgent,
  timeoutMs: 2000,
  maxBytes: 512 * 1024,
  allowPrivateNetworks: true,
  accept: 'text/plain',
};

function policy(extra: Partial<RobotsPolicyOptions> = {}): RobotsPolicy {
  return new RobotsPolicy({
    fetch: (url) => fetchUrl(url, fetchOptions),
    userAgent,
    now: () => now,
    ...extra,
  });
}

beforeEach(async () => {
  await web?.close();
  web = await startNewsWeb();
});
afterAll(() => web.close());

describe('RobotsPolicy', () => {
  it('follows the group for our User-Agent token, and fetches robots.txt once per origin', async () => {
    web.robots('User-agent: *\nDisallow: /\n\nUser-agent: Newsdesk\nDisallow: /members/\n');
    const robots = policy();
    const answers = await Promise.all([
      robots.isAllowed(web.url('/news/2026/story.html')),
      robots.isAllowed(web.url('/members/story.html')),
      robots.isAllowed(web.url('/news/other.html')),
    ]);
    expect(answers).toEqual([true, false, true]);
    expect(web.hits('/robots.txt')).toBe(1);
    expect(web.requests.find((r) => r.path === '/robots.txt')?.headers['user-agent']).toBe(userAgent);
  });

  it('fetches robots.txt again once the cached copy expires', async () => {
    web.robots('User-agent: *\nDisallow: /a/\n');
    const robots = policy({ ttlMs: 60_000 });
    expect(await robots.isAllowed(web.url('/a/1'))).toBe(false);
    web.robots('User-agent: *\nDisallow: /b/\n');
    now += 30_000;
    expect(await robots.isAllowed(web.url('/a/1'))).toBe(false);
    now += 31_000;
    expect(await robots.isAllowed(web.url('/a/1'))).toBe(true);
    expect(await robots.isAllowed(web.url('/b/1'))).toBe(false);
    expect(web.hits('/robots.txt')).toBe(2);
  });

  it('allows everything when robots.txt is missing (4xx)', async () => {
    web.robots(404);
    expect(await policy().isAllowed(web.url('/any/page'))).toBe(true);
    web.robots(403);
    expect(await policy().isAllowed(web.url('/any/page'))).toBe(true);
  });

  it('disallows everything while robots.txt fails (5xx, 429), then asks again', async () => {
    web.robots(503);
    const robots = policy({ unreachableTtlMs: 600_000 });
    expect(await robots.isAllowed(web.url('/any/page'))).toBe(false);
    web.robots('User-agent: *\nAllow: /\n');
    now += 300_000;
    expect(await robots.isAllowed(web.url('/any/page'))).toBe(false);
    now += 300_001;
    expect(await robots.isAllowed(web.url('/any/page'))).toBe(true);
    web.robots(429);
    expect(await policy().isAllowed(web.url('/any/page'))).toBe(false);
  });

  it('says when a refusal only stands in for an unreachable robots.txt, and for how long', async () => {
    web.robots(500);
    const robots = policy({ unreachableTtlMs: 600_000 });
    expect(await robots.verdict(web.url('/page'))).toEqual({ allowed: false, temporary: true, retryAfterMs: 600_000 });
    web.robots('User-agent: *\nDisallow: /page\n');
    now += 600_001;
    expect(await robots.verdict(web.url('/page'))).toEqual({ allowed: false, temporary: false });
    // A 503 that says when to come back is asked again then, not after the full hour.
    web.serve('/robots.txt', '', { status: 503, headers: { 'retry-after': '5' } });
    expect(await policy().verdict(web.url('/page'))).toEqual({ allowed: false, temporary: true, retryAfterMs: 5000 });
  });

  it('keeps using the last good copy when the site later fails', async () => {
    web.robots('User-agent: *\nDisallow: /private/\n');
    const robots = policy({ ttlMs: 1000 });
    expect(await robots.isAllowed(web.url('/news/1'))).toBe(true);
    web.robots(500);
    now += 2000;
    expect(await robots.isAllowed(web.url('/news/1'))).toBe(true);
    expect(await robots.isAllowed(web.url('/private/1'))).toBe(false);
    expect(web.hits('/robots.txt')).toBe(2);
  });

  it('follows a redirected robots.txt and refuses addresses that are not http(s)', async () => {
    web.serve('/robots.txt', '', { status: 301, headers: { location: '/real-robots.txt' } });
    web.serve('/real-robots.txt', 'User-agent: newsdesk\nDisallow: /x\n', {
      headers: { 'content-type': 'text/plain' },
    });
    const robots = policy();
    expect(await robots.isAllowed(web.url('/x/1'))).toBe(false);
    expect(await robots.isAllowed('ftp://example.com/file')).toBe(false);
    expect(await robots.isAllowed('not a url')).toBe(false);
  });
});
