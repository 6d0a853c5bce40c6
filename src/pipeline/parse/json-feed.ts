import type { Enclosure, ParsedFeed, ParsedItem } from '../../domain/feed.js';
import { NewsdeskError } from '../../platform/errors.js';
import { parseFeedDate } from './feed-date.js';
import { distinct, personName } from './people.js';
import { languageTag } from './language-tag.js';
import { plainText } from './plain-text.js';
import { resolveHtmlUrls, resolveUrl } from './urls.js';

type FeedFields = Omit<ParsedFeed, 'recovered' | 'warnings'>;
type Json = Record<string, unknown>;

/** JSON Feed 1.0 and 1.1 (https://www.jsonfeed.org/version/1.1/). */
export function readJsonFeed(text: string, documentUrl: string | null): FeedFields {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    throw new NewsdeskError(
      'FEED_MALFORMED',
      `The document starts like JSON but is not valid JSON: ${(cause as Error).message}`,
      { cause },
    );
  }
  if (
    !isObject(value) ||
    (!Array.isArray(value.items) && !String(value.version ?? '').includes('jsonfeed.org'))
  ) {
    throw new NewsdeskError(
      'FEED_MALFORMED',
      'The document is JSON but not a JSON Feed (no "version" from jsonfeed.org, no "items").',
    );
  }
  const base = resolveUrl(str(value.feed_url), documentUrl) ?? documentUrl;
  const feedAuthors = authorsOf(value);
  const version = str(value.version) ?? '';
  return {
    title: plainText(str(value.title)),
    link: resolveUrl(str(value.home_page_url), base),
    language: languageTag(str(value.language)),
    items: (Array.isArray(value.items) ? value.items : [])
      .filter(isObject)
      .map((item) => readItem(item, base, feedAuthors)),
    format: version.endsWith('1.1') ? 'json1.1' : version.endsWith('/1') ? 'json1.0' : 'json',
    description: str(value.description),
    image: resolveUrl(str(value.icon) ?? str(value.favicon), base),
    hub: Array.isArray(value.hubs)
      ? (value.hubs
          .filter(isObject)
          .map((h) => resolveUrl(str(h.url), base))
          .find(Boolean) ?? null)
      : null,
    self: resolveUrl(str(value.feed_url), documentUrl),
  };
}

function readItem(item: Json, base: string | null, feedAuthors: string[]): ParsedItem {
  const link = resolveUrl(str(item.url), base) ?? resolveUrl(str(item.external_url), base);
  const contentHtml = str(item.content_html);
  const enclosures: Enclosure[] = (Array.isArray(item.attachments) ? item.attachments : [])
    .filter(isObject)
    .flatMap((a) => {
      const url = resolveUrl(str(a.url), base);
      const size =
        typeof a.size_in_bytes === 'number' && a.size_in_bytes > 0 ? Math.round(a.size_in_bytes) : null;
      return url ? [{ url, type: str(a.mime_type), length: size }] : [];
    });
  const authors = authorsOf(item);
  return {
    title: plainText(str(item.title)),
    link,
    guid: item.id === undefined || item.id === null ? null : String(item.id),
    published: parseFeedDate(str(item.date_published)),
    updated: parseFeedDate(str(item.date_modified)),
    authors: authors.length ? authors : feedAuthors,
    summary: str(item.summary),
    content: contentHtml ? resolveHtmlUrls(contentHtml, link ?? base) : str(item.content_text),
    enclosures,
    categories: distinct(
      (Array.isArray(item.tags) ? item.tags : []).map((t) => (typeof t === 'string' ? t.trim() : null)),
    ),
    image: resolveUrl(str(item.image) ?? str(item.banner_image), base),
  };
}

/** JSON Feed 1.1 `authors`, or 1.0's single `author`. */
function authorsOf(value: Json): string[] {
  const list = Array.isArray(value.authors) ? value.authors : isObject(value.author) ? [value.author] : [];
  return distinct(list.filter(isObject).map((a) => personName(str(a.name) ?? str(a.url))));
}

function str(value: unknown): string | null {
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
