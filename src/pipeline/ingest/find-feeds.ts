import type { ParsedFeed } from '../../domain/feed.js';
import { decodeHtml } from '../extract/input/decode-html.js';
import { COMMON_FEED_PATHS, discoverFeeds, type DiscoveredFeed } from '../parse/discover-feeds.js';
import { parseNewsSitemap } from '../parse/news-sitemap.js';

/** What an address turned out to be: a feed (or sitemap) to follow as is, or a page pointing to feeds. */
export type FeedLookup =
  | { kind: 'feed'; url: string; title: string | null; format: string | null }
  | { kind: 'page'; url: string; feeds: DiscoveredFeed[] };

/** Links that look like feeds are fetched to check them; a page may link to many. */
const MAX_ANCHORS_CHECKED = 10;

export interface FindFeedsDependencies {
  fetch(url: string): Promise<{ body: Uint8Array; finalUrl: string; contentType: string | null }>;
  parseFeed(body: Uint8Array, options: { url?: string; contentType?: string }): ParsedFeed;
}

/**
 * Finds what to follow at an address: fetch it; a feed or a sitemap is followed as is; an
 * HTML page is searched for the feeds it declares, and the links that look like feeds and
 * answer with one; when it declares none (no `<link rel="alternate">`), the common feed
 * paths of its site are tried too. Throws the fetch error, or the feed parser's error for a
 * document that is none of these.
 */
export async function findFeeds(url: string, deps: FindFeedsDependencies): Promise<FeedLookup> {
  const document = await deps.fetch(url);
  const contentType = document.contentType ?? undefined;
  let feedError: unknown;
  try {
    const feed = deps.parseFeed(document.body, {
      url: document.finalUrl,
      ...(contentType ? { contentType } : {}),
    });
    return { kind: 'feed', url, title: feed.title, format: feed.format ?? null };
  } catch (error) {
    feedError = error;
  }
  try {
    const sitemap = parseNewsSitemap(document.body, document.finalUrl);
    return {
      kind: 'feed',
      url,
      title: sitemap.kind === 'urlset' ? sitemap.feed.title : null,
      format: sitemap.kind === 'urlset' ? (sitemap.feed.format ?? null) : 'sitemap-index',
    };
  } catch {
    // Not a sitemap either: perhaps a page.
  }
  const html = decodeHtml(document.body, contentType);
  if (!/<(html|head|body|link|a)\b/i.test(html.slice(0, 200_000))) throw feedError;
  const discovered = discoverFeeds(html, document.finalUrl);
  const feeds = [...discovered.filter((f) => f.via === 'link'), ...(await verifiedAnchors(discovered, deps))];
  if (!feeds.some((f) => f.via === 'link')) {
    for (const probed of await probeCommonPaths(document.finalUrl, deps)) {
      if (!feeds.some((f) => f.url === probed.url)) feeds.push(probed);
    }
  }
  return { kind: 'page', url: document.finalUrl, feeds };
}

/** Links that only look like feeds (`/rss` is often a page listing feeds) are kept when they answer with one. */
async function verifiedAnchors(
  discovered: DiscoveredFeed[],
  deps: FindFeedsDependencies,
): Promise<DiscoveredFeed[]> {
  const verified: DiscoveredFeed[] = [];
  for (const anchor of discovered.filter((f) => f.via === 'anchor').slice(0, MAX_ANCHORS_CHECKED)) {
    const feed = await readFeedAt(anchor.url, deps);
    if (feed) verified.push({ ...anchor, title: anchor.title ?? feed.title });
  }
  return verified;
}

/** The feed at an address, or null when it does not answer with one (unreachable, blocked, not a feed). */
async function readFeedAt(
  url: string,
  deps: FindFeedsDependencies,
): Promise<(ParsedFeed & { finalUrl: string }) | null> {
  try {
    const document = await deps.fetch(url);
    const feed = deps.parseFeed(document.body, {
      url: document.finalUrl,
      ...(document.contentType ? { contentType: document.contentType } : {}),
    });
    return { ...feed, finalUrl: document.finalUrl };
  } catch {
    return null;
  }
}

/** The common feed paths of the page's site that answer with a feed, one request each, in turn. */
async function probeCommonPaths(pageUrl: string, deps: FindFeedsDependencies): Promise<DiscoveredFeed[]> {
  const found: DiscoveredFeed[] = [];
  const finalUrls = new Set<string>();
  for (const path of COMMON_FEED_PATHS) {
    const candidate = new URL(path, pageUrl).href;
    const feed = await readFeedAt(candidate, deps);
    // `/rss` and `/feed` often redirect to the same feed: list it once.
    if (!feed || finalUrls.has(feed.finalUrl)) continue;
    finalUrls.add(feed.finalUrl);
    found.push({ url: candidate, title: feed.title, type: null, via: 'probe' });
  }
  return found;
}
