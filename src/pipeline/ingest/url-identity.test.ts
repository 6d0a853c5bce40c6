import { describe, expect, it } from 'vitest';
import { itemIdentity, normaliseUrlForIdentity } from './url-identity.js';

describe('normaliseUrlForIdentity', () => {
  it('reads links that differ only in tracking, case, port, scheme, fragment or trailing slash as one', () => {
    const canonical = normaliseUrlForIdentity('https://news.example.org/world/story-1');
    for (const variant of [
      'https://news.example.org/world/story-1?utm_source=rss&utm_medium=feed&utm_campaign=x',
      'HTTPS://News.Example.ORG/world/story-1/',
      'http://news.example.org:80/world/story-1',
      'https://news.example.org:443/world/story-1#comments',
      'https://news.example.org./world/story-1?fbclid=abc123&gclid=zz',
      'https://news.example.org/world/story-1?mc_cid=1&mc_eid=2&igshid=3&_hsenc=4&ref_src=twsrc%5Etfw',
      'https://news.example.org/world/%73tory-1',
    ]) {
      expect(normaliseUrlForIdentity(variant), variant).toBe(canonical);
    }
  });

  it('keeps what selects another article: path case, other parameters, non-default ports, #! routes', () => {
    const base = normaliseUrlForIdentity('https://example.org/a?id=1');
    expect(normaliseUrlForIdentity('https://example.org/A?id=1')).not.toBe(base);
    expect(normaliseUrlForIdentity('https://example.org/a?id=2')).not.toBe(base);
    expect(normaliseUrlForIdentity('https://example.org:8080/a?id=1')).not.toBe(base);
    expect(normaliseUrlForIdentity('https://example.org/#!/story/1')).not.toBe(
      normaliseUrlForIdentity('https://example.org/#!/story/2'),
    );
  });

  it('sorts the remaining parameters and upper-cases escapes that must stay escaped', () => {
    expect(normaliseUrlForIdentity('https://example.org/p?b=2&utm_term=x&a=1')).toBe(
      'https://example.org/p?a=1&b=2',
    );
    expect(normaliseUrlForIdentity('https://example.org/caf%c3%a9?q=a%2fb')).toBe(
      'https://example.org/caf%C3%A9?q=a%2Fb',
    );
    expect(normaliseUrlForIdentity('https://example.org/?utm_source=x')).toBe('https://example.org/');
  });

  it('refuses what is not an absolute http(s) URL', () => {
    expect(normaliseUrlForIdentity('/relative/path')).toBeNull();
    expect(normaliseUrlForIdentity('mailto:desk@example.org')).toBeNull();
    expect(normaliseUrlForIdentity('tag:example.org,2024:1')).toBeNull();
  });
});

describe('itemIdentity', () => {
  const item = { guid: null, link: null, title: 'T', summary: 'S', content: null };

  it('prefers the GUID, normalised when it is a link', () => {
    expect(itemIdentity({ ...item, guid: ' tag:example.org,2024:1 ', link: 'https://example.org/a' })).toBe(
      'guid:tag:example.org,2024:1',
    );
    expect(itemIdentity({ ...item, guid: 'https://example.org/a/?utm_source=rss' })).toBe(
      itemIdentity({ ...item, guid: 'https://EXAMPLE.org/a' }),
    );
  });

  it('falls back to the normalised link, then to a content hash', () => {
    expect(itemIdentity({ ...item, link: 'https://example.org/a?utm_medium=feed' })).toBe(
      'link:https://example.org/a',
    );
    const hashed = itemIdentity(item);
    expect(hashed).toMatch(/^hash:[0-9a-f]{64}$/);
    expect(itemIdentity({ ...item, summary: 'other' })).not.toBe(hashed);
  });
});
