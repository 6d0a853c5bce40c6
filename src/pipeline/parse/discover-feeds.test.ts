import { describe, expect, it } from 'vitest';
import { discoverFeeds } from './discover-feeds.js';

const page = `<!doctype html><html><head>
  <title>Example Daily</title>
  <link rel="stylesheet" href="/site.css">
  <link rel="alternate" type="application/rss+xml" title="Example Daily &amp; Co &#8211; News" href="/feed/">
  <LINK REL="Alternate" TYPE="application/atom+xml; charset=utf-8" HREF="https://example.org/atom.xml" title='Atom'>
  <link rel="alternate" type="application/feed+json" href="feed.json?a=1&copy=2">
  <link rel="alternate" hreflang="fr" type="text/html" href="/fr/">
  <link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">
  <!-- <link rel="alternate" type="application/rss+xml" href="/commented-out.xml"> -->
  <script>document.write('<link rel="alternate" type="application/rss+xml" href="/scripted.xml">')</script>
</head><body>
  <a href="/world/">World</a>
  <a href="/world/rss.xml">World section feed</a>
  <a href="https://feeds.feedburner.com/ExampleDaily">FeedBurner</a>
  <a href="/feed/">The main feed again</a>
  <a href="/2024/05/feeding-the-city">A story about food</a>
</body></html>`;

describe('discoverFeeds', () => {
  it('lists declared feeds first, then links that look like feeds, each once, absolute', () => {
    expect(discoverFeeds(page, 'https://example.org/news/index.html')).toEqual([
      {
        url: 'https://example.org/feed/',
        title: 'Example Daily & Co – News',
        type: 'application/rss+xml',
        via: 'link',
      },
      { url: 'https://example.org/atom.xml', title: 'Atom', type: 'application/atom+xml', via: 'link' },
      {
        url: 'https://example.org/news/feed.json?a=1&copy=2',
        title: null,
        type: 'application/feed+json',
        via: 'link',
      },
      { url: 'https://example.org/world/rss.xml', title: null, type: null, via: 'anchor' },
      { url: 'https://feeds.feedburner.com/ExampleDaily', title: null, type: null, via: 'anchor' },
    ]);
  });

  it('resolves against <base href> and finds nothing on a page without feeds', () => {
    const based =
      '<head><base href="https://cdn.example.net/site/"><link rel="alternate" type="application/rss+xml" href="rss"></head>';
    expect(discoverFeeds(based, 'https://example.org/')).toEqual([
      { url: 'https://cdn.example.net/site/rss', title: null, type: 'application/rss+xml', via: 'link' },
    ]);
    expect(discoverFeeds('<p>No feeds <a href="/about">here</a></p>', 'https://example.org/')).toEqual([]);
  });
});
