import { describe, expect, it } from 'vitest';
import { parseNewsSitemap } from './news-sitemap.js';

const bytes = (text: string) => new TextEncoder().encode(text);

const newsSitemap = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:n="http://www.google.com/schemas/sitemap-news/0.9">
  <url><loc>https://news.example.org/about</loc><lastmod>2024-05-03</lastmod></url>
  <url>
    <loc>https://news.example.org/2024/05/01/budget</loc>
    <n:news>
      <n:publication><n:name>Example Daily</n:name><n:language>en</n:language></n:publication>
      <n:publication_date>2024-05-01T09:30:00+02:00</n:publication_date>
      <n:title>Budget passes &amp; markets rise</n:title>
      <n:keywords>budget, parliament , economy</n:keywords>
    </n:news>
  </url>
  <url>
    <loc>https://news.example.org/2024/05/02/storm</loc>
    <n:news>
      <n:publication><n:name>Example Daily</n:name><n:language>en</n:language></n:publication>
      <n:publication_date>2024-05-02</n:publication_date>
      <n:title>Storm reaches the coast</n:title>
    </n:news>
  </url>
  <url><loc>javascript:alert(1)</loc><news:news xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"><news:title>Bad link</news:title></news:news></url>
</urlset>`;

describe('parseNewsSitemap', () => {
  it('reads the news entries of a urlset as feed items, newest first, whatever the namespace prefix', () => {
    const result = parseNewsSitemap(bytes(newsSitemap), 'https://news.example.org/news-sitemap.xml');
    if (result.kind !== 'urlset') throw new Error('expected a urlset');
    const { feed } = result;
    expect(feed).toMatchObject({ title: 'Example Daily', language: 'en', format: 'sitemap-news' });
    expect(feed.items.map((i) => i.title)).toEqual([
      'Storm reaches the coast',
      'Budget passes & markets rise',
      'Bad link',
    ]);
    expect(feed.items[1]).toMatchObject({
      link: 'https://news.example.org/2024/05/01/budget',
      published: '2024-05-01T07:30:00.000Z',
      categories: ['budget', 'parliament', 'economy'],
      guid: null,
    });
    // A link a reader's browser would run is never kept.
    expect(feed.items[2]?.link).toBeNull();
  });

  it('keeps every page of a plain sitemap, newest lastmod first, relative locations resolved', () => {
    const result = parseNewsSitemap(
      bytes(
        `<urlset><url><loc>/old</loc><lastmod>2023-01-01</lastmod></url><url><loc>/undated</loc></url><url><loc>/new</loc><lastmod>2024-01-01T00:00:00Z</lastmod></url></urlset>`,
      ),
      'https://site.example/sitemap.xml',
    );
    if (result.kind !== 'urlset') throw new Error('expected a urlset');
    expect(result.feed.format).toBe('sitemap');
    expect(result.feed.items.map((i) => [i.link, i.updated])).toEqual([
      ['https://site.example/new', '2024-01-01T00:00:00.000Z'],
      ['https://site.example/old', '2023-01-01T00:00:00.000Z'],
      ['https://site.example/undated', null],
    ]);
  });

  it('lists the child sitemaps of an index, newest first, undated last', () => {
    const result = parseNewsSitemap(
      bytes(`<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
        <sitemap><loc>https://site.example/sitemap-2023.xml</loc><lastmod>2023-12-31</lastmod></sitemap>
        <sitemap><loc>https://site.example/sitemap-pages.xml</loc></sitemap>
        <sitemap><loc>https://site.example/sitemap-news.xml.gz</loc><lastmod>2024-05-02T10:00:00Z</lastmod></sitemap>
        <sitemap><loc>ftp://site.example/elsewhere.xml</loc></sitemap>
      </sitemapindex>`),
      null,
    );
    expect(result).toEqual({
      kind: 'index',
      sitemaps: [
        { url: 'https://site.example/sitemap-news.xml.gz', lastmod: '2024-05-02T10:00:00.000Z' },
        { url: 'https://site.example/sitemap-2023.xml', lastmod: '2023-12-31T00:00:00.000Z' },
        { url: 'https://site.example/sitemap-pages.xml', lastmod: null },
      ],
    });
  });

  it('keeps at most 1,000 entries', () => {
    const urls = Array.from({ length: 1200 }, (_, i) => `<url><loc>https://s.example/${i}</loc></url>`).join(
      '',
    );
    const result = parseNewsSitemap(bytes(`<urlset>${urls}</urlset>`), null);
    expect(result.kind === 'urlset' && result.feed.items.length).toBe(1000);
  });

  it('refuses what is not a sitemap', () => {
    expect(() => parseNewsSitemap(bytes('<rss version="2.0"><channel/></rss>'), null)).toThrow(
      expect.objectContaining({ code: 'FEED_MALFORMED' }),
    );
    expect(() => parseNewsSitemap(bytes(''), null)).toThrow(/not a sitemap/);
  });
});
