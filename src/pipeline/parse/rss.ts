import type { ParsedFeed, ParsedItem } from '../../domain/feed.js';
import { childDate } from './child-date.js';
import { mediaText, readEnclosures, readImage } from './media.js';
import { distinct, personName } from './people.js';
import { languageTag } from './language-tag.js';
import { plainText } from './plain-text.js';
import { resolveHtmlUrls, resolveUrl } from './urls.js';
import { child, children, childText, innerHtml, textOf } from './xml-text.js';
import type { XmlElement } from './xml-tree.js';

const NETSCAPE_RSS_090 = 'http://my.netscape.com/rdf/simple/0.9/';

type FeedFields = Omit<ParsedFeed, 'recovered' | 'warnings'>;

/** RSS 0.9x, 1.0 (RDF) and 2.0, with the namespaces real feeds mix in. */
export function readRss(root: XmlElement): FeedFields {
  const channel = root.key === 'channel' ? root : (child(root, 'channel') ?? root);
  const items = [...children(channel, 'item')];
  if (channel !== root) items.push(...children(root, 'item'));
  const atomLinks = children(channel, 'atom:link');
  const skipHours = child(channel, 'skiphours');
  const skipDays = child(channel, 'skipdays');
  const ttl = Number(childText(channel, 'ttl'));
  return {
    title: plainText(htmlOf(channel, 'title', 'dc:title')),
    link: linkOf(channel) ?? linkByRel(atomLinks, 'alternate'),
    language: languageTag(childText(channel, 'language', 'dc:language') ?? channel.lang ?? root.lang),
    items: items.map(readItem),
    format: rssFormat(root, channel),
    description: htmlOf(channel, 'description', 'dc:description', 'itunes:summary', 'itunes:subtitle'),
    image: readImage(channel, []),
    ttl: Number.isFinite(ttl) && ttl > 0 ? ttl : null,
    skipHours: skipHours
      ? children(skipHours, 'hour')
          .map((h) => Number(textOf(h).trim()))
          .filter((h) => Number.isInteger(h) && h >= 0 && h < 24)
      : [],
    skipDays: skipDays
      ? children(skipDays, 'day')
          .map((d) => textOf(d).trim())
          .filter(Boolean)
      : [],
    hub: linkByRel(atomLinks, 'hub'),
    self: linkByRel(atomLinks, 'self'),
  };
}

function readItem(item: XmlElement): ParsedItem {
  const guidElement = child(item, 'guid');
  const guid = guidElement ? textOf(guidElement).trim() || null : null;
  const permalink =
    guidElement &&
    guid &&
    guidElement.attrs.isPermaLink?.toLowerCase() !== 'false' &&
    /^https?:\/\//i.test(guid)
      ? guid
      : null;
  const enclosures = readEnclosures(item);
  const contentElement = child(
    item,
    'content:encoded',
    'xhtml:body',
    'xhtml:div',
    'body',
    'atom:content',
    'fullitem',
  );
  const media = child(item, 'media:group') ?? item;
  return {
    title: plainText(htmlOf(item, 'title', 'dc:title') ?? mediaText(item, 'media:title')),
    link:
      linkOf(item) ??
      linkByRel(children(item, 'atom:link'), 'alternate') ??
      permalink ??
      resolveUrl(item.attrs['rdf:about'], item.base),
    guid: guid ?? item.attrs['rdf:about'] ?? null,
    published: childDate(
      item,
      'pubdate',
      'dc:date',
      'dcterms:issued',
      'dcterms:created',
      'atom:published',
      'atom:issued',
    ),
    updated: childDate(item, 'atom:updated', 'dcterms:modified', 'atom:modified'),
    authors: distinct([
      ...['author', 'dc:creator', 'dc:author', 'itunes:author'].flatMap((key) =>
        children(item, key).map((a) => personName(textOf(a))),
      ),
      ...children(item, 'atom:author').map((a) => personName(childText(a, 'atom:name') ?? textOf(a))),
    ]),
    summary:
      resolvedHtml(item, ['description', 'dc:description', 'atom:summary', 'itunes:summary']) ??
      mediaText(item, 'media:description'),
    content: contentElement
      ? resolveHtmlUrls(innerHtml(contentElement).trim(), contentElement.base) || null
      : null,
    enclosures,
    categories: distinct([
      ...children(item, 'category').map((c) => textOf(c).trim()),
      ...children(item, 'dc:subject').map((c) => textOf(c).trim()),
      ...children(item, 'atom:category').map((c) => (c.attrs.term ?? c.attrs.label ?? '').trim()),
      ...children(media, 'media:category').map((c) => textOf(c).trim()),
      ...itunesCategories(item),
    ]),
    image: readImage(item, enclosures),
  };
}

/** iTunes categories nest (`Technology` > `Gadgets`); each level is a category. */
function itunesCategories(element: XmlElement): string[] {
  return children(element, 'itunes:category').flatMap((c) => [
    (c.attrs.text ?? '').trim(),
    ...itunesCategories(c),
  ]);
}

function htmlOf(element: XmlElement, ...keys: string[]): string | null {
  for (const key of keys) {
    const found = child(element, key);
    if (found) {
      const html = innerHtml(found).trim();
      if (html) return html;
    }
  }
  return null;
}

function resolvedHtml(element: XmlElement, keys: string[]): string | null {
  const found = child(element, ...keys);
  if (!found) return null;
  return resolveHtmlUrls(innerHtml(found).trim(), found.base) || null;
}

function linkOf(element: XmlElement): string | null {
  for (const link of children(element, 'link')) {
    const url = resolveUrl(textOf(link).trim() || link.attrs.href, link.base);
    if (url) return url;
  }
  return null;
}

function linkByRel(links: XmlElement[], rel: string): string | null {
  const link = links.find((l) => (l.attrs.rel?.trim().toLowerCase() || 'alternate') === rel);
  return link ? resolveUrl(link.attrs.href, link.base) : null;
}

function rssFormat(root: XmlElement, channel: XmlElement): string {
  if (root.key === 'rdf:rdf')
    return (channel === root ? root.attrs.xmlns : channel.ns) === NETSCAPE_RSS_090 ? 'rss0.90' : 'rss1.0';
  const version = root.attrs.version?.trim();
  if (!version) return 'rss';
  return version.startsWith('2') ? 'rss2.0' : `rss${version}`;
}
