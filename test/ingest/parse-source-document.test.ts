import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { MAX_CHILD_SITEMAPS, parseSourceDocument } from '../../src/pipeline/ingest/parse-source-document.js';
import { parseFeed } from '../../src/pipeline/parse/parse-feed.js';

const bytes = (text: string) => new TextEncoder().encode(text);
const doc = (text: string | Uint8Array, finalUrl = 'https://site.example/sitemap.xml') => ({
  body: typeof text === 'string' ? bytes(text) : text,
  finalUrl,
  contentType: null,
});
const newsUrlset = (
  slug: string,
  date: string,
) => `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
  <url><loc>https://site.example/${slug}</loc><news:news><news:publication><news:name>Site</news:name><news:language>fr</news:language></news:publication>
  <news:publication_date>${date}</news:publication_date><news:title>Title ${slug}</news:title></news:news></url></urlset>`;

describe('parseSourceDocument', () => {
  it('reads a feed with the feed parser', async () => {
    const feed = await parseSourceDocument(
      doc('<rss version="2.0"><channel><title>F</title><item><title>A</title></item></channel></rss>'),
      { parseFeed },
    );
    expect(feed).toMatchObject({ title: 'F', format: 'rss2.0' });
  });

  it('falls back to a news sitemap, gzip-compressed or not', async () => {
    for (const body of [bytes(newsUrlset('a', '2024-05-01')), gzipSync(newsUrlset('a', '2024-05-01'))]) {
      const feed = await parseSourceDocument(doc(body), { parseFeed });
      expect(feed).toMatchObject({ title: 'Site', language: 'fr', format: 'sitemap-news' });
      expect(feed.items.map((i) => i.link)).toEqual(['https://site.example/a']);
    }
  });

  it('reads the newest child sitemaps of an index, at most a few, skipping one that fails', async () => {
    const children = Array.from(
      { length: MAX_CHILD_SITEMAPS + 2 },
      (_, i) =>
        `<sitemap><loc>https://site.example/s${i}.xml.gz</loc><lastmod>2024-05-0${i + 1}</lastmod></sitemap>`,
    );
    const fetched: string[] = [];
    const feed = await parseSourceDocument(doc(`<sitemapindex>${children.join('')}</sitemapindex>`), {
      parseFeed,
      async fetchDocument(url) {
        fetched.push(url);
        if (url.endsWith('s3.xml.gz')) throw new Error('HTTP 500');
        const n = /s(\d)\.xml/.exec(url)?.[1];
        return { body: gzipSync(newsUrlset(`story-${n}`, `2024-05-0${Number(n) + 1}`)), finalUrl: url };
      },
    });
    expect(fetched).toEqual(
      [
        'https://site.example/s4.xml.gz',
        'https://site.example/s3.xml.gz',
        'https://site.example/s2.xml.gz',
      ].slice(0, MAX_CHILD_SITEMAPS),
    );
    expect(feed.items.map((i) => i.link)).toEqual([
      'https://site.example/story-4',
      'https://site.example/story-2',
    ]);
  });

  it('reports the feed parser error for a document that is neither', async () => {
    await expect(parseSourceDocument(doc('<html><body>hello</body></html>'), { parseFeed })).rejects.toThrow(
      /HTML page, not a feed/,
    );
    await expect(
      parseSourceDocument(
        doc('<sitemapindex><sitemap><loc>https://x.example/a.xml</loc></sitemap></sitemapindex>'),
        { parseFeed },
      ),
    ).rejects.toMatchObject({
      code: 'FEED_MALFORMED',
    });
  });
});
