import { describe, expect, it } from 'vitest';
import { parseLinkHeader } from './link-header.js';

const base = 'https://news.example/feeds/world.xml';

describe('parseLinkHeader', () => {
  it('reads several links in one header, resolving relative targets', () => {
    expect(parseLinkHeader('<https://hub.example/>; rel="hub", </feeds/world.xml>; rel="self"', base)).toEqual([
      { url: 'https://hub.example/', rels: ['hub'] },
      { url: 'https://news.example/feeds/world.xml', rels: ['self'] },
    ]);
  });

  it('reads several headers, bare and space-separated rel values, and commas inside quoted parameters', () => {
    const links = parseLinkHeader(['<https://a.example/hub>; title="a, b"; rel=hub', '<https://b.example/>; rel="self alternate"'], base);
    expect(links).toEqual([
      { url: 'https://a.example/hub', rels: ['hub'] },
      { url: 'https://b.example/', rels: ['self', 'alternate'] },
    ]);
  });

  it('drops links without rel, with a non-http target, or unparseable, and keeps the first rel of a link', () => {
    const links = parseLinkHeader('<https://x.example/>; title="none", <javascript:alert(1)>; rel=hub, <https://y.example/>; rel=hub; rel=self, garbage', base);
    expect(links).toEqual([{ url: 'https://y.example/', rels: ['hub'] }]);
  });

  it('answers nothing for a missing header', () => {
    expect(parseLinkHeader(undefined, base)).toEqual([]);
  });
});
