import { describe, expect, it } from 'vitest';
import { NewsdeskError } from '../../src/platform/errors.js';
import { findFeeds, type FindFeedsDependencies } from '../../src/pipeline/ingest/find-feeds.js';
import { parseFeed } from '../../src/pipeline/parse/parse-feed.js';

const rss = (title: string) => `<rss version="2.0"><channel><title>${title}</title></channel></rss>`;

/** A fake web: address → [content type, body] or a redirect target; everything else is a 404. */
function web(pages: Record<string, [string, string] | { redirect: string }>) {
  const requested: string[] = [];
  const deps: FindFeedsDependencies = {
    parseFeed,
    async fetch(url) {
      requested.push(url);
      let page = pages[url];
      let finalUrl = url;
      if (page && 'redirect' in page) {
        finalUrl = page.redirect;
        page = pages[finalUrl];
      }
      if (!page || 'redirect' in page)
        throw new NewsdeskError('FETCH_HTTP_STATUS', `${url} answered HTTP 404.`, {
          context: { status: 404 },
        });
      return { body: new TextEncoder().encode(page[1]), finalUrl, contentType: page[0] };
    },
  };
  return { deps, requested };
}

describe('findFeeds', () => {
  it('follows a feed or a sitemap as it is', async () => {
    const { deps } = web({
      'https://a.example/feed': ['application/rss+xml', rss('A')],
      'https://a.example/sitemap': [
        'text/xml',
        '<sitemapindex><sitemap><loc>https://a.example/s1.xml</loc></sitemap></sitemapindex>',
      ],
    });
    expect(await findFeeds('https://a.example/feed', deps)).toEqual({
      kind: 'feed',
      url: 'https://a.example/feed',
      title: 'A',
      format: 'rss2.0',
    });
    expect(await findFeeds('https://a.example/sitemap', deps)).toMatchObject({
      kind: 'feed',
      format: 'sitemap-index',
    });
  });

  it('keeps declared feeds without probing, and links that look like feeds only when they are', async () => {
    const { deps, requested } = web({
      'https://a.example/': [
        'text/html',
        '<link rel="alternate" type="application/atom+xml" href="/atom"><a href="/rss">All our feeds</a><a href="/sport/rss.xml">Sport</a>',
      ],
      'https://a.example/rss': ['text/html', '<html><body>A page listing feeds</body></html>'],
      'https://a.example/sport/rss.xml': ['application/rss+xml', rss('Sport')],
    });
    const found = await findFeeds('https://a.example/', deps);
    expect(found).toEqual({
      kind: 'page',
      url: 'https://a.example/',
      feeds: [
        { url: 'https://a.example/atom', title: null, type: 'application/atom+xml', via: 'link' },
        { url: 'https://a.example/sport/rss.xml', title: 'Sport', type: null, via: 'anchor' },
      ],
    });
    expect(requested).not.toContain('https://a.example/feed');
  });

  it('probes the common paths of a page that declares no feed, listing a redirected feed once', async () => {
    const { deps } = web({
      'https://b.example/news/today': ['text/html; charset=utf-8', '<html><body>Today</body></html>'],
      'https://b.example/feed': { redirect: 'https://b.example/feed.xml' },
      'https://b.example/feed.xml': ['application/rss+xml', rss('B')],
      'https://b.example/atom.xml': [
        'application/atom+xml',
        '<feed xmlns="http://www.w3.org/2005/Atom"><title>B Atom</title></feed>',
      ],
    });
    const found = await findFeeds('https://b.example/news/today', deps);
    expect(found.kind === 'page' && found.feeds.map((f) => [f.url, f.title, f.via])).toEqual([
      ['https://b.example/feed', 'B', 'probe'],
      ['https://b.example/atom.xml', 'B Atom', 'probe'],
    ]);
  });

  it('reports the feed error for a document that is neither a feed nor a page', async () => {
    const { deps } = web({ 'https://c.example/data': ['text/plain', 'just some text'] });
    await expect(findFeeds('https://c.example/data', deps)).rejects.toMatchObject({ code: 'FEED_MALFORMED' });
    await expect(findFeeds('https://c.example/missing', deps)).rejects.toMatchObject({
      code: 'FETCH_HTTP_STATUS',
    });
  });
});
