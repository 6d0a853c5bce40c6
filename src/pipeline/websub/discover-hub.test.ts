import { describe, expect, it } from 'vitest';
import { discoverHub } from './discover-hub.js';

const fetchedUrl = 'https://news.example/world.xml';

describe('discoverHub', () => {
  it('prefers the Link headers over the feed, for the hub and for self', () => {
    const found = discoverHub({
      headers: { link: '<https://hub-a.example/>; rel="hub", <https://hub-b.example/>; rel="hub", <https://news.example/canonical.xml>; rel="self"' },
      feed: { hub: 'https://feed-hub.example/', self: 'https://news.example/feed-self.xml' },
      fetchedUrl,
    });
    expect(found).toEqual({ hubs: ['https://hub-a.example/', 'https://hub-b.example/'], topic: 'https://news.example/canonical.xml' });
  });

  it('takes each relation from the feed when the headers lack it', () => {
    const found = discoverHub({ headers: { link: '<https://hub-a.example/>; rel="hub"' }, feed: { hub: null, self: '/feed-self.xml' }, fetchedUrl });
    expect(found).toEqual({ hubs: ['https://hub-a.example/'], topic: 'https://news.example/feed-self.xml' });
  });

  it('falls back to the fetched address when no self link is given', () => {
    expect(discoverHub({ headers: {}, feed: { hub: 'https://hub.example/', self: null }, fetchedUrl })).toEqual({ hubs: ['https://hub.example/'], topic: fetchedUrl });
  });

  it('finds nothing when no hub is advertised, or only a non-http one', () => {
    expect(discoverHub({ headers: { link: '<https://news.example/x>; rel="self"' }, feed: { hub: null, self: null }, fetchedUrl })).toBeNull();
    expect(discoverHub({ headers: {}, feed: { hub: 'ftp://hub.example/', self: null }, fetchedUrl })).toBeNull();
  });
});
