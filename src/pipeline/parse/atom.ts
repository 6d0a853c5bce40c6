import type { ParsedFeed, ParsedItem } from '../../domain/feed.js';
import { childDate } from './child-date.js';
import { mediaText, readEnclosures, readImage } from './media.js';
import { distinct, personName } from './people.js';
import { languageTag } from './language-tag.js';
import { plainText } from './plain-text.js';
import { resolveHtmlUrls, resolveUrl } from './urls.js';
import { ATOM_03_URI } from './xml-names.js';
import { child, children, childText, innerHtml, innerXml, textOf } from './xml-text.js';
import type { XmlElement } from './xml-tree.js';

type FeedFields = Omit<ParsedFeed, 'recovered' | 'warnings'>;

/** Atom 1.0 (RFC 4287) and Atom 0.3. */
export function readAtom(root: XmlElement): FeedFields {
  const links = children(root, 'atom:link');
  const feedAuthors = authorsOf(root);
  const logo = child(root, 'atom:logo', 'atom:icon');
  const subtitle = child(root, 'atom:subtitle', 'atom:tagline');
  return {
    title: plainTitle(child(root, 'atom:title')),
    link: alternateLink(links),
    language: languageTag(root.lang),
    items: children(root, 'atom:entry').map((entry) => readEntry(entry, feedAuthors)),
    format: root.ns === ATOM_03_URI ? 'atom0.3' : root.ns === '' ? 'atom' : 'atom1.0',
    description: subtitle ? resolveHtmlUrls(textConstruct(subtitle) ?? '', subtitle.base) || null : null,
    image: logo ? resolveUrl(textOf(logo), logo.base) : readImage(root, []),
    hub: linkByRel(links, 'hub'),
    self: linkByRel(links, 'self'),
  };
}

function readEntry(entry: XmlElement, feedAuthors: string[]): ParsedItem {
  const enclosures = readEnclosures(entry);
  const source = child(entry, 'atom:source');
  const authors = authorsOf(entry);
  const content = child(entry, 'atom:content');
  const summary = child(entry, 'atom:summary');
  return {
    title: plainTitle(child(entry, 'atom:title')) ?? mediaText(entry, 'media:title'),
    link: alternateLink(children(entry, 'atom:link')),
    guid: childText(entry, 'atom:id'),
    published: childDate(entry, 'atom:published', 'atom:issued', 'atom:created'),
    updated: childDate(entry, 'atom:updated', 'atom:modified'),
    // RFC 4287 §4.2.1: an entry without authors takes its source's, then the feed's.
    authors: authors.length ? authors : source && authorsOf(source).length ? authorsOf(source) : feedAuthors,
    summary: summary
      ? resolveHtmlUrls(textConstruct(summary) ?? '', summary.base) || null
      : mediaText(entry, 'media:description'),
    content:
      content && !content.attrs.src
        ? resolveHtmlUrls(textConstruct(content) ?? '', content.base) || null
        : null,
    enclosures,
    categories: distinct([
      ...children(entry, 'atom:category').map((c) => (c.attrs.term ?? c.attrs.label ?? textOf(c)).trim()),
      ...children(entry, 'dc:subject').map((c) => textOf(c).trim()),
    ]),
    image: readImage(entry, enclosures),
  };
}

/**
 * An Atom text construct as a string: `xhtml` content is the markup inside its wrapping div;
 * `html` is the unescaped text; Atom 0.3's `mode="base64"` is decoded.
 */
function textConstruct(element: XmlElement | undefined): string | null {
  if (!element) return null;
  const type = (element.attrs.type ?? '').trim().toLowerCase();
  const mode = (element.attrs.mode ?? '').trim().toLowerCase();
  let value: string;
  if (mode === 'base64' || isBinaryType(type)) {
    value = Buffer.from(textOf(element).trim(), 'base64').toString('utf8');
  } else if (type === 'xhtml') {
    // RFC 4287 §3.1.1.3: the content is the inside of one XHTML div.
    const div = element.children.find((n): n is XmlElement => typeof n !== 'string');
    const onlyDiv =
      div &&
      div.key === 'xhtml:div' &&
      element.children.every((n) => n === div || (typeof n === 'string' && n.trim() === ''));
    value = innerXml(onlyDiv ? div : element);
  } else if (type === 'application/xhtml+xml' || mode === 'xml') {
    value = innerXml(element);
  } else {
    value = innerHtml(element);
  }
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/** RFC 4287 §4.1.3.3: a MIME type that is neither text nor XML means Base64 content. */
function isBinaryType(type: string): boolean {
  if (!type.includes('/')) return false;
  return (
    !type.startsWith('text/') &&
    !type.endsWith('+xml') &&
    !type.endsWith('/xml') &&
    type !== 'application/xhtml+xml'
  );
}

function plainTitle(element: XmlElement | undefined): string | null {
  if (!element) return null;
  const type = (element.attrs.type ?? 'text').trim().toLowerCase();
  const value = textConstruct(element);
  const nakedMarkup = element.children.some((n) => typeof n !== 'string');
  if ((type === 'text' || type === 'text/plain') && !nakedMarkup && element.attrs.mode !== 'base64') {
    return value === null ? null : value.replace(/\s+/g, ' ').trim() || null;
  }
  return plainText(value);
}

function authorsOf(element: XmlElement): string[] {
  return distinct([
    ...children(element, 'atom:author').map((a) =>
      personName(childText(a, 'atom:name') ?? childText(a, 'atom:email') ?? textOf(a)),
    ),
    ...children(element, 'dc:creator').map((a) => personName(textOf(a))),
  ]);
}

/** RFC 4287 §4.2.7.2: a link without rel is an alternate; an HTML alternate is preferred. */
function alternateLink(links: XmlElement[]): string | null {
  const alternates = links.filter((l) => (l.attrs.rel?.trim().toLowerCase() || 'alternate') === 'alternate');
  const html = alternates.find((l) => /html/i.test(l.attrs.type ?? 'text/html')) ?? alternates[0];
  return html ? resolveUrl(html.attrs.href, html.base) : null;
}

function linkByRel(links: XmlElement[], rel: string): string | null {
  const link = links.find((l) => l.attrs.rel?.trim().toLowerCase() === rel);
  return link ? resolveUrl(link.attrs.href, link.base) : null;
}
