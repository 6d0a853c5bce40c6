import type { ParsedFeed } from '../../src/domain/feed.js';

/** What a parser produced for one file, as the assertions see it. */
export interface Observed {
  feed: ParsedFeed;
  /** The encoding the parser read the bytes as, when it tells. */
  encoding?: string;
}

/** How one feedparser path maps onto Newsdesk's model. */
export type Mapping =
  | { kind: 'mapped'; category: string; read: (o: Observed) => unknown; compare: Comparison }
  | { kind: 'excluded'; reason: string };

type Comparison = 'exact' | 'text' | 'html' | 'date' | 'member' | 'person' | 'length' | 'encoding' | 'format';

const OUTSIDE_FEED =
  'feed metadata the model does not carry (feed authors, publisher, rights, generator, feed dates, feed tags, cloud, textinput, iTunes/Media flags, links list)';
const OUTSIDE_ENTRY =
  'entry metadata the model does not carry (emails and URLs of people, contributors, source, comments, license, links list, guidislink, tag scheme/label, geo, PSC chapters, iTunes flags, raw date strings)';
const DETAIL =
  'per-field metadata (MIME type, xml:lang, xml:base of each text): the model keeps the value, and applies xml:base by resolving links';
const HTTP = 'HTTP response and feedparser internals (headers, etag, status, href, namespaces)';

/** Maps a feedparser result path (`entries`, 0, `title`) onto the model, or says why it does not apply. */
export function mapPath(path: Array<string | number>): Mapping {
  const [head, a, b, c, d] = path;
  if (head === 'bozo') return mapped('well-formedness flag', (o) => o.feed.recovered ?? false, 'exact');
  if (head === 'encoding') return mapped('encoding detection', (o) => o.encoding, 'encoding');
  if (head === 'version') return mapped('format detection', (o) => o.feed.format, 'format');
  if (head === 'entries' && a === undefined) return mapped('item count', (o) => o.feed.items, 'length');
  if (head === 'feed') return mapFeed(a, b);
  if (head === 'entries' && typeof a === 'number') return mapEntry(a, b, c, d);
  return { kind: 'excluded', reason: HTTP };
}

function mapFeed(key: unknown, sub: unknown): Mapping {
  if ((key === 'title' && sub === undefined) || (key === 'title_detail' && sub === 'value')) {
    return mapped('feed title', (o) => o.feed.title, 'text');
  }
  if (key === 'link' && sub === undefined) return mapped('feed link', (o) => o.feed.link, 'exact');
  if (key === 'language' && sub === undefined)
    return mapped('feed language', (o) => o.feed.language, 'exact');
  if (['subtitle', 'tagline', 'description'].includes(key as string) && sub === undefined) {
    return mapped('feed description', (o) => o.feed.description, 'html');
  }
  if (['subtitle_detail', 'tagline_detail'].includes(key as string) && sub === 'value') {
    return mapped('feed description', (o) => o.feed.description, 'html');
  }
  if (key === 'image' && (sub === 'href' || sub === 'url'))
    return mapped('feed image', (o) => o.feed.image, 'exact');
  if (key === 'ttl' && sub === undefined)
    return mapped('feed ttl', (o) => (o.feed.ttl == null ? undefined : String(o.feed.ttl)), 'exact');
  if (
    typeof key === 'string' &&
    key.endsWith('_detail') &&
    ['type', 'language', 'base'].includes(sub as string)
  ) {
    return { kind: 'excluded', reason: DETAIL };
  }
  return { kind: 'excluded', reason: OUTSIDE_FEED };
}

function mapEntry(index: number, key: unknown, sub: unknown, field: unknown): Mapping {
  const item = (o: Observed) => o.feed.items[index];
  if ((key === 'title' && sub === undefined) || (key === 'title_detail' && sub === 'value')) {
    return mapped('item title', (o) => item(o)?.title, 'text');
  }
  if (key === 'link' && sub === undefined) return mapped('item link', (o) => item(o)?.link, 'exact');
  if ((key === 'id' || key === 'guid') && sub === undefined)
    return mapped('item guid', (o) => item(o)?.guid, 'exact');
  if (['published_parsed', 'issued_parsed', 'created_parsed'].includes(key as string)) {
    return mapped('item dates', (o) => item(o)?.published, 'date');
  }
  if (['updated_parsed', 'modified_parsed', 'date_parsed'].includes(key as string)) {
    // feedparser falls back to the publication date when there is no update date; so does this mapping.
    return mapped('item dates', (o) => item(o)?.updated ?? item(o)?.published, 'date');
  }
  if (
    (key === 'author' && sub === undefined) ||
    (key === 'author_detail' && sub === 'name') ||
    (key === 'authors' && field === 'name')
  ) {
    return mapped('item authors', (o) => item(o)?.authors, 'person');
  }
  if (
    (['summary', 'description'].includes(key as string) && sub === undefined) ||
    (key === 'summary_detail' && sub === 'value')
  ) {
    return mapped('item summary', (o) => item(o)?.summary ?? item(o)?.content, 'html');
  }
  if (key === 'content' && field === 'value') return mapped('item content', (o) => item(o)?.content, 'html');
  if (key === 'enclosures' && typeof sub === 'number') {
    const pick = (o: Observed) => item(o)?.enclosures[sub];
    if (field === 'href' || field === 'url') return mapped('item enclosures', (o) => pick(o)?.url, 'exact');
    if (field === 'type') return mapped('item enclosures', (o) => pick(o)?.type, 'exact');
    if (field === 'length')
      return mapped(
        'item enclosures',
        (o) => (pick(o)?.length == null ? undefined : String(pick(o)?.length)),
        'exact',
      );
  }
  if ((key === 'tags' && field === 'term') || (key === 'category' && sub === undefined)) {
    return mapped('item categories', (o) => item(o)?.categories, 'member');
  }
  if ((key === 'image' && sub === 'href') || (key === 'media_thumbnail' && field === 'url')) {
    return mapped('item image', (o) => item(o)?.image, 'exact');
  }
  if (
    (typeof key === 'string' &&
      key.endsWith('_detail') &&
      ['type', 'language', 'base'].includes(sub as string)) ||
    (key === 'content' && ['type', 'language', 'base'].includes(field as string))
  ) {
    return { kind: 'excluded', reason: DETAIL };
  }
  return { kind: 'excluded', reason: OUTSIDE_ENTRY };
}

function mapped(category: string, read: (o: Observed) => unknown, compare: Comparison): Mapping {
  return { kind: 'mapped', category, read, compare };
}
