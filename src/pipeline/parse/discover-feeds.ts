import { htmlEntities } from './html-entities.js';

/** A feed a web page points to. */
export interface DiscoveredFeed {
  url: string;
  title: string | null;
  /** The declared media type (`application/rss+xml`), or null for a link found by its address. */
  type: string | null;
  /** `link`: declared with `<link rel="alternate">`; `anchor`: an `<a>` whose address looks like a feed; `probe`: found at a common path. */
  via: 'link' | 'anchor' | 'probe';
}

/** Paths where sites commonly serve their feed, tried when a page declares none. */
export const COMMON_FEED_PATHS = ['/feed', '/rss', '/rss.xml', '/atom.xml', '/feed.xml', '/index.xml'];

const FEED_TYPES = new Set([
  'application/rss+xml',
  'application/atom+xml',
  'application/feed+json',
  'application/rdf+xml',
  'application/json',
  'application/xml',
  'text/xml',
  'application/x.atom+xml',
  'application/x-atom+xml',
]);
/** Addresses that are feeds by the way sites name them. */
const FEED_ADDRESS =
  /(\/(feed|rss|atom)\/?$|\.(rss|rdf|atom)$|\/(rss|atom|feed|index)\.(xml|json)$|[?&](feed|format)=(rss2?|atom|feed)(&|$)|^https?:\/\/feeds\.feedburner\.com\/)/i;
const TAG = /<(link|a|base)\b((?:[^>"']|"[^"]*"|'[^']*')*)>/gi;
const ATTRIBUTE = /([^\s=/>"']+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?/g;

/**
 * The feeds an HTML page points to: `<link rel="alternate">` with a feed media type (RSS,
 * Atom, JSON Feed, RDF) first, in page order, then `<a>` links whose address looks like a
 * feed. Addresses are resolved against `<base href>` or the page's address; only http(s)
 * ones are kept, each once. Comments, scripts and styles are ignored. Probing common paths
 * needs the network and is left to the caller, with {@link COMMON_FEED_PATHS}.
 */
export function discoverFeeds(html: string, pageUrl: string): DiscoveredFeed[] {
  const markup = html.replace(/<!--[\s\S]*?(-->|$)|<(script|style|template)\b[\s\S]*?(<\/\2\s*>|$)/gi, ' ');
  let base = pageUrl;
  const declared: DiscoveredFeed[] = [];
  const anchors: DiscoveredFeed[] = [];
  for (const match of markup.matchAll(TAG)) {
    const tag = (match[1] as string).toLowerCase();
    const attrs = attributes(match[2] as string);
    const href = attrs.href?.trim();
    if (!href) continue;
    if (tag === 'base') {
      base = absolute(href, pageUrl) ?? base;
      continue;
    }
    const url = absolute(href, base);
    if (!url) continue;
    if (tag === 'link') {
      const rel = (attrs.rel ?? '').toLowerCase().split(/\s+/);
      const type = (attrs.type ?? '').toLowerCase().split(';')[0]?.trim() ?? '';
      if ((rel.includes('alternate') || rel.includes('feed')) && FEED_TYPES.has(type))
        declared.push({ url, title: text(attrs.title), type, via: 'link' });
    } else if (FEED_ADDRESS.test(url.replace(/#.*$/, ''))) {
      anchors.push({ url, title: text(attrs.title), type: null, via: 'anchor' });
    }
  }
  const seen = new Set<string>();
  return [...declared, ...anchors].filter((feed) => !seen.has(feed.url) && Boolean(seen.add(feed.url)));
}

function attributes(source: string): Record<string, string | undefined> {
  const attrs: Record<string, string> = {};
  for (const match of source.matchAll(ATTRIBUTE)) {
    const name = (match[1] as string).toLowerCase();
    const raw = match[2] ?? '';
    const value = raw.startsWith('"') || raw.startsWith("'") ? raw.slice(1, -1) : raw;
    attrs[name] ??= decodeCharacterReferences(value);
  }
  return attrs;
}

function absolute(href: string, base: string): string | null {
  try {
    const url = new URL(href, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

function text(value: string | undefined): string | null {
  const cleaned = value?.replace(/\s+/g, ' ').trim();
  return cleaned ? cleaned : null;
}

/** Character references in an attribute; a named one needs its `;` there (`?a=1&copy=2` is a query, not ©). */
function decodeCharacterReferences(value: string): string {
  if (!value.includes('&')) return value;
  return value.replace(
    /&(?:#x([0-9a-f]+);?|#(\d+);?|([a-z][a-z0-9]*);)/gi,
    (whole, hex?: string, decimal?: string, name?: string) => {
      if (name) return htmlEntities.get(name) ?? whole;
      const code = hex ? parseInt(hex, 16) : Number(decimal);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    },
  );
}
