import { describe, expect, it } from 'vitest';
import {
  escapePattern,
  isValidRobotsAgent,
  parseRobotsTxt,
  pathParamsQuery,
  patternMatches,
  userAgentToken,
} from './robots-txt.js';

const allowed = (robots: string, url: string, agent = 'Newsdesk') =>
  parseRobotsTxt(robots).isAllowed(url, agent);

describe('robots.txt matching', () => {
  it('applies our group only, merged when it appears twice; the * group only when none names us', () => {
    const robots =
      'User-agent: *\nDisallow: /\n\nUser-agent: newsdesk\nDisallow: /private/\n\nUser-agent: OtherBot\nDisallow: /news/\n\nuser-agent: NEWSDESK\nDisallow: /drafts/\n';
    expect(allowed(robots, 'https://example.com/news/today')).toBe(true);
    expect(allowed(robots, 'https://example.com/private/x')).toBe(false);
    expect(allowed(robots, 'https://example.com/drafts/y')).toBe(false);
    expect(allowed(robots, 'https://example.com/news/today', 'SomeBot')).toBe(false);
  });

  it('lets the longest matching rule win, and Allow win a tie', () => {
    const robots = 'User-agent: *\nDisallow: /news/\nAllow: /news/public/\nAllow: /a\nDisallow: /a\n';
    expect(allowed(robots, 'http://x.test/news/secret')).toBe(false);
    expect(allowed(robots, 'http://x.test/news/public/1')).toBe(true);
    expect(allowed(robots, 'http://x.test/a')).toBe(true);
  });

  it('understands * and a final $, and compares percent-encoded paths', () => {
    expect(patternMatches('/news/2026/story.pdf', '/*.pdf$')).toBe(true);
    expect(patternMatches('/news/2026/story.pdf?x=1', '/*.pdf$')).toBe(false);
    expect(patternMatches('/fish/salmon', '/fish*')).toBe(true);
    expect(patternMatches('/Fish', '/fish')).toBe(false);
    expect(
      allowed('User-agent: *\nDisallow: /أخبار/\n', 'https://example.com/%D8%A3%D8%AE%D8%A8%D8%A7%D8%B1/1'),
    ).toBe(false);
    expect(escapePattern('/a%2fb/ü')).toBe('/a%2Fb/%C3%BC');
  });

  it('reads sloppy files as publishers write them', () => {
    // A byte order mark, CRLF, comments, a missing colon, a misspelt key, a rule outside any group.
    const robots = '\uFEFFDisallow: /everything\r\nuser-agent newsdesk # us\r\nDissallow: /tmp/\r\n';
    expect(allowed(robots, 'http://x.test/tmp/a')).toBe(false);
    expect(allowed(robots, 'http://x.test/everything')).toBe(true);
    expect(allowed('', 'http://x.test/')).toBe(true);
    expect(allowed('<html><body>Not found</body></html>', 'http://x.test/')).toBe(true);
    // An overlong line is cut, so its rule covers only what fits.
    const long = `User-agent: *\nDisallow: /${'a'.repeat(20_000)}\n`;
    expect(allowed(long, `http://x.test/${'a'.repeat(16_700)}`)).toBe(false);
    expect(allowed(long, `http://x.test/${'a'.repeat(16_600)}`)).toBe(true);
  });

  it('takes the path, parameters and query of a URL, without the fragment', () => {
    expect(pathParamsQuery('http://example.com')).toBe('/');
    expect(pathParamsQuery('http://example.com/a/b;c?d=e#f')).toBe('/a/b;c?d=e');
    expect(pathParamsQuery('http://example.com?q=1')).toBe('/?q=1');
  });

  it('derives the product token robots.txt groups name from our User-Agent', () => {
    expect(userAgentToken('Newsdesk/0.1 (+https://newsdesk.example/contact)')).toBe('Newsdesk');
    expect(isValidRobotsAgent('Newsdesk')).toBe(true);
    expect(isValidRobotsAgent('Newsdesk/0.1')).toBe(false);
  });
});
