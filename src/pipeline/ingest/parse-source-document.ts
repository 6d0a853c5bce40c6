import { gunzipSync } from 'node:zlib';
import type { ParsedFeed, ParsedItem } from '../../domain/feed.js';
import { NewsdeskError } from '../../platform/errors.js';
import { parseNewsSitemap } from '../parse/news-sitemap.js';

/** What reading a source's document needs: the feed parser, and a way to fetch child sitemaps. */
export interface SourceDocumentParsers {
  parseFeed(body: Uint8Array, options: { url?: string; contentType?: string }): ParsedFeed;
  /** Fetches a child sitemap of a sitemap index; without it an index is refused. */
  fetchDocument?(url: string): Promise<{ body: Uint8Array; finalUrl: string }>;
}

/** Child sitemaps of an index read per refresh: the newest ones hold the news. */
export const MAX_CHILD_SITEMAPS = 3;
/** Largest decompressed `.xml.gz` sitemap accepted (the sitemaps.org limit is 50 MB). */
const MAX_SITEMAP_BYTES = 50 * 1024 * 1024;

/**
 * A source's document as a feed: RSS, Atom or JSON Feed first; when that fails and the
 * document is a sitemap (`<urlset>`, `<sitemapindex>`), its pages are the items. For an
 * index, the {@link MAX_CHILD_SITEMAPS} newest children are fetched and merged; children
 * that fail are skipped unless all do. When neither reader accepts the document, the feed
 * parser's error is the one reported.
 */
export async function parseSourceDocument(
  document: { body: Uint8Array; finalUrl: string; contentType: string | null },
  parsers: SourceDocumentParsers,
): Promise<ParsedFeed> {
  const body = gunzipIfCompressed(document.body);
  try {
    return parsers.parseFeed(body, {
      url: document.finalUrl,
      ...(document.contentType ? { contentType: document.contentType } : {}),
    });
  } catch (feedError) {
    if (!(feedError instanceof NewsdeskError && feedError.code === 'FEED_MALFORMED')) throw feedError;
    let sitemap: ReturnType<typeof parseNewsSitemap>;
    try {
      sitemap = parseNewsSitemap(body, document.finalUrl);
    } catch {
      throw feedError;
    }
    if (sitemap.kind === 'urlset') return sitemap.feed;
    return readChildSitemaps(
      sitemap.sitemaps.slice(0, MAX_CHILD_SITEMAPS).map((s) => s.url),
      parsers,
    );
  }
}

async function readChildSitemaps(urls: string[], parsers: SourceDocumentParsers): Promise<ParsedFeed> {
  if (!parsers.fetchDocument)
    throw new NewsdeskError(
      'FEED_MALFORMED',
      'The document is a sitemap index, and its child sitemaps cannot be fetched here.',
    );
  if (urls.length === 0)
    throw new NewsdeskError('FEED_MALFORMED', 'The sitemap index lists no child sitemap.');
  const feeds: ParsedFeed[] = [];
  let firstError: unknown;
  for (const url of urls) {
    try {
      const child = await parsers.fetchDocument(url);
      const parsed = parseNewsSitemap(gunzipIfCompressed(child.body), child.finalUrl);
      // An index inside an index is not followed: one level is what news sites use.
      if (parsed.kind === 'urlset') feeds.push(parsed.feed);
    } catch (error) {
      firstError ??= error;
    }
  }
  if (feeds.length === 0)
    throw (
      firstError ??
      new NewsdeskError('FEED_MALFORMED', 'The child sitemaps of the index are sitemap indexes themselves.')
    );
  const seen = new Set<string>();
  const items: ParsedItem[] = [];
  for (const item of feeds.flatMap((f) => f.items)) {
    const key = item.link ?? item.title ?? '';
    if (seen.has(key)) continue;
    seen.add(key);
    items.push(item);
  }
  const described = feeds.find((f) => f.title || f.language);
  return {
    title: described?.title ?? null,
    link: null,
    language: described?.language ?? null,
    items,
    format: feeds[0]?.format ?? 'sitemap',
  };
}

/** Sitemaps are often served as `.xml.gz` files rather than with a Content-Encoding. */
function gunzipIfCompressed(body: Uint8Array): Uint8Array {
  if (body[0] !== 0x1f || body[1] !== 0x8b) return body;
  try {
    return gunzipSync(body, { maxOutputLength: MAX_SITEMAP_BYTES });
  } catch (cause) {
    throw new NewsdeskError(
      'FEED_MALFORMED',
      `The document is gzip-compressed but cannot be decompressed: ${(cause as Error).message}`,
      { cause },
    );
  }
}
