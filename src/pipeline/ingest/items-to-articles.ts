import type { NewArticle } from '../../domain/article.js';
import type { ParsedFeed, ParsedItem } from '../../domain/feed.js';
import { plainText } from '../parse/plain-text.js';
import { itemIdentity } from './url-identity.js';

/**
 * Turns a parsed feed's items into articles to store. An item's identity within its source
 * is its GUID, else its normalised link (tracking parameters and such dropped), else a hash
 * of its content (see `itemIdentity`), so the same item is stored once however often the
 * feed repeats it. Items with neither a title, a link nor any text carry
 * nothing a reader could use and are dropped. `seenSince` is when the source was last read
 * before: the new items appeared since then (null when it never was).
 */
export function itemsToArticles(
  feed: ParsedFeed,
  sourceId: number,
  now: number,
  seenSince: number | null = null,
): NewArticle[] {
  const articles: NewArticle[] = [];
  const seen = new Set<string>();
  for (const item of feed.items) {
    const text = item.content ?? item.summary;
    if (!item.title && !item.link && !text) continue;
    const itemKey = itemIdentity(item);
    if (seen.has(itemKey)) continue;
    seen.add(itemKey);
    articles.push({
      sourceId,
      itemKey,
      url: webLink(item.link),
      title: item.title?.trim() || fallbackTitle(text) || item.link || 'Untitled',
      summary: item.summary,
      content: item.content,
      author: item.authors.length ? item.authors.join(', ') : null,
      publishedAt: publicationTime(item, now),
      firstSeenAt: now,
      seenSince,
      lang: feed.language,
    });
  }
  return articles;
}

/** The stated publication time, unless it is missing or in the future: then the first-seen time. */
function publicationTime(item: ParsedItem, now: number): number {
  for (const stated of [item.published, item.updated]) {
    const time = stated ? Date.parse(stated) : NaN;
    if (Number.isFinite(time) && time <= now + 10 * 60_000) return time;
  }
  return now;
}

function fallbackTitle(text: string | null): string | null {
  if (!text) return null;
  const plain = plainText(text);
  if (!plain) return null;
  return plain.length > 100 ? `${plain.slice(0, 97)}…` : plain;
}

/** Only http(s) links are kept: a reader must never be sent to `javascript:` or `data:`. */
function webLink(link: string | null): string | null {
  return link && /^https?:\/\//i.test(link) ? link : null;
}
