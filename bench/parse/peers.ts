import { parseFeed as rowanParseFeed } from '@rowanmanning/feed-parser';
import RssParser from 'rss-parser';
import type { Enclosure, ParsedFeed, ParsedItem } from '../../src/domain/feed.js';
import { parseFeed } from '../../src/pipeline/parse/parse-feed.js';

/** A feed parser under test, seen through Newsdesk's model so that all are scored alike. */
export interface ParserUnderTest {
  name: string;
  parse(body: Buffer, options: { url?: string; contentType?: string }): Promise<ParsedFeed>;
}

export const newsdesk: ParserUnderTest = {
  name: 'newsdesk',
  parse: async (body, options) => parseFeed(body, options),
};

// Both peers take a string: they are given the bytes decoded as UTF-8, as `response.text()` would.
const rssParser = new RssParser();
type RssParserItem = Record<string, unknown> & {
  enclosure?: { url?: string; type?: string; length?: string | number };
};

export const rssParserPeer: ParserUnderTest = {
  name: 'rss-parser',
  async parse(body) {
    const feed = await rssParser.parseString(body.toString('utf8'));
    const items = (feed.items as RssParserItem[]).map((item): ParsedItem => ({
      title: str(item.title),
      link: str(item.link),
      guid: str(item.guid) ?? str(item.id),
      published: str(item.isoDate),
      updated: null,
      authors: [str(item.creator) ?? str(item.author)].filter((a): a is string => a !== null),
      summary: str(item.summary) ?? str(item.content),
      content: str(item['content:encoded']) ?? str(item.content),
      enclosures: item.enclosure?.url
        ? [enclosure(item.enclosure.url, item.enclosure.type, item.enclosure.length)]
        : [],
      categories: Array.isArray(item.categories)
        ? item.categories.map((c) => (typeof c === 'string' ? c : (str((c as { _?: string })._) ?? '')))
        : [],
      image: null,
    }));
    return {
      title: str(feed.title),
      link: str(feed.link),
      language: str((feed as Record<string, unknown>).language),
      items,
    };
  },
};

export const rowanPeer: ParserUnderTest = {
  name: '@rowanmanning/feed-parser',
  async parse(body) {
    const feed = rowanParseFeed(body.toString('utf8')).toJSON();
    const items = feed.items.map((item): ParsedItem => ({
      title: item.title,
      link: item.url,
      guid: item.id,
      published: item.published ? new Date(item.published).toISOString() : null,
      updated: item.updated ? new Date(item.updated).toISOString() : null,
      authors: item.authors.map((a) => a.name).filter((n): n is string => Boolean(n)),
      summary: item.description ?? item.content,
      content: item.content,
      enclosures: item.media.map((m) => enclosure(m.url, m.mimeType ?? undefined, m.length ?? undefined)),
      categories: item.categories.map((c) => c.label ?? c.term).filter((c): c is string => Boolean(c)),
      image: item.image?.url ?? null,
    }));
    return {
      title: feed.title,
      link: feed.url,
      language: feed.language,
      items,
      image: feed.image?.url ?? null,
      description: feed.description,
    };
  },
};

export const allParsers = [newsdesk, rssParserPeer, rowanPeer];

function enclosure(url: string, type: string | undefined, length: string | number | undefined): Enclosure {
  const size = Number(length);
  return { url, type: type ?? null, length: Number.isFinite(size) && size > 0 ? size : null };
}

function str(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}
