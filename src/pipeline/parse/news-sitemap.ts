import type { ParsedFeed, ParsedItem } from '../../domain/feed.js';
import { NewsdeskError } from '../../platform/errors.js';
import { decodeFeedBytes } from './detect-encoding.js';
import { parseFeedDate } from './feed-date.js';
import { languageTag } from './language-tag.js';
import { resolveUrl } from './urls.js';
import { parseXmlTree, type XmlElement } from './xml-tree.js';

/** A child sitemap listed by a sitemap index. */
export interface ChildSitemap {
  url: string;
  /** When the child last changed, UTC ISO 8601, or null when the index does not say. */
  lastmod: string | null;
}

/** A sitemap read: its pages as a feed, or the child sitemaps of an index, newest first. */
export type NewsSitemap = { kind: 'urlset'; feed: ParsedFeed } | { kind: 'index'; sitemaps: ChildSitemap[] };

const NEWS_NS = 'http://www.google.com/schemas/sitemap-news/0.9';
/** Google reads at most 1,000 news entries per sitemap; a plain sitemap may list 50,000 pages. */
const MAX_ITEMS = 1000;

/**
 * Reads a sitemap (sitemaps.org 0.9) for sites without a feed. A `<urlset>` becomes a feed
 * whose items are its pages: with Google News tags (`news:news`: publication name and
 * language, publication date, title, keywords) only the news entries are kept; without any,
 * every page is, newest `lastmod` first. At most 1,000 items. A `<sitemapindex>` gives its
 * child sitemaps, newest `lastmod` first. Throws FEED_MALFORMED for any other document.
 */
export function parseNewsSitemap(body: Uint8Array, url: string | null): NewsSitemap {
  const root = parseXmlTree(decodeFeedBytes(body).text, url).root;
  const rootName = root ? localName(root) : null;
  if (!root || (rootName !== 'urlset' && rootName !== 'sitemapindex')) {
    throw new NewsdeskError(
      'FEED_MALFORMED',
      `The document is not a sitemap: its root element is ${root ? `<${root.name}>` : 'missing'}.`,
    );
  }
  if (rootName === 'sitemapindex') {
    const sitemaps = elements(root, 'sitemap').flatMap((entry) => {
      const loc = resolveUrl(text(first(entry, 'loc')), entry.base);
      return loc && /^https?:/i.test(loc)
        ? [{ url: loc, lastmod: parseFeedDate(text(first(entry, 'lastmod'))) }]
        : [];
    });
    return { kind: 'index', sitemaps: newestFirst(sitemaps, (s) => s.lastmod) };
  }
  const entries = elements(root, 'url').map((entry) => readEntry(entry));
  const news = entries.filter((e) => e.news);
  const chosen = newestFirst(news.length ? news : entries, (e) => e.item.published ?? e.item.updated).slice(
    0,
    MAX_ITEMS,
  );
  const publication = news.find((e) => e.publicationName || e.language);
  return {
    kind: 'urlset',
    feed: {
      title: publication?.publicationName ?? null,
      link: null,
      language: publication?.language ?? null,
      items: chosen.map((e) => e.item),
      format: news.length ? 'sitemap-news' : 'sitemap',
    },
  };
}

interface Entry {
  item: ParsedItem;
  news: boolean;
  publicationName: string | null;
  language: string | null;
}

function readEntry(entry: XmlElement): Entry {
  const link = resolveUrl(text(first(entry, 'loc')), entry.base);
  const updated = parseFeedDate(text(first(entry, 'lastmod')));
  const news = entry.children.find(
    (c): c is XmlElement => typeof c !== 'string' && isNews(c) && localName(c) === 'news',
  );
  const publication = news ? first(news, 'publication') : undefined;
  const keywords = news ? text(first(news, 'keywords')) : null;
  const item: ParsedItem = {
    title: news ? text(first(news, 'title')) : null,
    link: link && /^https?:/i.test(link) ? link : null,
    guid: null,
    published: news ? parseFeedDate(text(first(news, 'publication_date'))) : null,
    updated,
    authors: [],
    summary: null,
    content: null,
    enclosures: [],
    categories: keywords
      ? keywords
          .split(',')
          .map((k) => k.trim())
          .filter(Boolean)
      : [],
  };
  return {
    item,
    news: Boolean(news),
    publicationName: publication ? text(first(publication, 'name')) : null,
    language: publication ? languageTag(text(first(publication, 'language'))) : null,
  };
}

/** Sorted by date, newest first; undated entries last, in document order. */
function newestFirst<T>(list: T[], date: (value: T) => string | null): T[] {
  return list
    .map((value, index) => ({ value, index, time: Date.parse(date(value) ?? '') }))
    .sort(
      (a, b) =>
        (Number.isNaN(b.time) ? -Infinity : b.time) - (Number.isNaN(a.time) ? -Infinity : a.time) ||
        a.index - b.index,
    )
    .map((e) => e.value);
}

/** Sitemap elements are matched by local name: publishers write the namespace in many ways, or not at all. */
function localName(element: XmlElement): string {
  return element.key.replace(/^.*:/, '');
}

function isNews(element: XmlElement): boolean {
  return element.ns === NEWS_NS || element.name.toLowerCase().startsWith('news:');
}

function elements(parent: XmlElement, name: string): XmlElement[] {
  return parent.children.filter((c): c is XmlElement => typeof c !== 'string' && localName(c) === name);
}

function first(parent: XmlElement, name: string): XmlElement | undefined {
  return elements(parent, name)[0];
}

function text(element: XmlElement | undefined): string | null {
  if (!element) return null;
  const value = element.children
    .map((c) => (typeof c === 'string' ? c : (text(c) ?? '')))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
  return value || null;
}
