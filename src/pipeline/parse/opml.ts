import { NewsdeskError } from '../../platform/errors.js';
import { decodeFeedBytes } from './detect-encoding.js';
import { parseXmlTree, type XmlElement } from './xml-tree.js';

/** One feed of a subscription list. */
export interface OpmlFeed {
  /** The feed's address, absolute http(s). */
  url: string;
  title: string | null;
  /** The site the feed belongs to (`htmlUrl`). */
  siteUrl: string | null;
  /** The folders it sits in, outermost first, joined with {@link CATEGORY_SEPARATOR}; null at the top level. */
  category: string | null;
}

/** An outline that names a feed Newsdesk cannot follow, and why. */
export interface OpmlInvalidEntry {
  title: string | null;
  url: string | null;
  reason: string;
}

export interface OpmlDocument {
  title: string | null;
  feeds: OpmlFeed[];
  invalid: OpmlInvalidEntry[];
  /** Feeds listed a second time (in another folder, say): the first listing is kept. */
  repeated: number;
}

/** How a folder path is written in a source's category: `News / World`. */
export const CATEGORY_SEPARATOR = ' / ';

/**
 * Reads an OPML subscription list (1.0 or 2.0, as feed readers export them). Nested
 * outlines without a feed address are folders: a feed's category is the path of folder
 * names above it, else the first path of its OPML 2.0 `category` attribute. Attribute names
 * are read in any case (`xmlUrl`, `xmlurl`), `feed://` addresses are read as http. Throws
 * INPUT_INVALID when the document is not OPML.
 */
export function parseOpml(bytes: Uint8Array): OpmlDocument {
  const tree = parseXmlTree(decodeFeedBytes(bytes).text, null);
  const root = tree.root;
  if (!root || root.key.replace(/^.*:/, '') !== 'opml') {
    throw new NewsdeskError(
      'INPUT_INVALID',
      `The document is not OPML: its root element is ${root ? `<${root.name}>` : 'missing'}.`,
    );
  }
  const head = childElement(root, 'head');
  const title = head ? textContent(childElement(head, 'title')) : null;
  const document: OpmlDocument = { title, feeds: [], invalid: [], repeated: 0 };
  const seen = new Set<string>();
  const body = childElement(root, 'body') ?? root;
  walk(body, [], document, seen);
  return document;
}

function walk(parent: XmlElement, folders: string[], document: OpmlDocument, seen: Set<string>): void {
  for (const node of parent.children) {
    if (typeof node === 'string' || localName(node) !== 'outline') continue;
    const broken = readBrokenOutline(node);
    const attrs = { ...broken?.attrs, ...lowerCaseAttributes(node) };
    const name = clean(attrs.text) ?? clean(attrs.title);
    const hasOutlines = node.children.some((c) => typeof c !== 'string' && localName(c) === 'outline');
    const feedAddress =
      clean(attrs.xmlurl) ?? clean(attrs.url && attrs.type?.toLowerCase() === 'rss' ? attrs.url : undefined);
    if (feedAddress) addFeed(feedAddress, attrs, name, folders, document, seen);
    else if (hasOutlines && !broken?.selfClosing)
      walk(node, name ? [...folders, name.replaceAll(CATEGORY_SEPARATOR, ' - ')] : folders, document, seen);
    else if (attrs.type?.toLowerCase() === 'rss' || attrs.htmlurl)
      document.invalid.push({ title: name, url: null, reason: 'the outline has no feed address (xmlUrl)' });
    // Outlines swallowed by a broken self-closing one are its siblings, in the same folder.
    if (broken?.selfClosing && hasOutlines) walk(node, folders, document, seen);
  }
}

function addFeed(
  address: string,
  attrs: Record<string, string | undefined>,
  name: string | null,
  folders: string[],
  document: OpmlDocument,
  seen: Set<string>,
): void {
  const url = feedUrl(address);
  if (!url) {
    document.invalid.push({
      title: name,
      url: address,
      reason: 'the feed address is not an absolute http(s) URL',
    });
    return;
  }
  if (seen.has(url)) {
    document.repeated++;
    return;
  }
  seen.add(url);
  const category = folders.length ? folders.join(CATEGORY_SEPARATOR) : categoryAttribute(attrs.category);
  document.feeds.push({
    url,
    title: clean(attrs.title) ?? clean(attrs.text),
    siteUrl: feedUrl(clean(attrs.htmlurl) ?? ''),
    category,
  });
}

/**
 * Exporters write HTML into attributes unescaped (`description="<em class="x">..."`): the
 * inner quote ends the tag early, and the rest of the tag, `xmlUrl` included, arrives as
 * the element's text, with the following outlines as its children. Reads the attributes back
 * from that text; null for an outline that is not broken so.
 */
function readBrokenOutline(node: XmlElement): { attrs: Record<string, string>; selfClosing: boolean } | null {
  if (!Object.keys(node.attrs).some((name) => /["'<]/.test(name))) return null;
  let rest = '';
  for (const child of node.children) {
    if (typeof child !== 'string' && localName(child) === 'outline') break;
    rest += typeof child === 'string' ? child : '';
  }
  const attrs: Record<string, string> = {};
  for (const match of rest.matchAll(/([A-Za-z_][\w.-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    attrs[(match[1] as string).toLowerCase()] ??= match[2] ?? match[3] ?? '';
  }
  return { attrs, selfClosing: /\/>\s*$/.test(rest) };
}

/** An absolute http(s) address, `feed:` and `feed://` read as http; null for anything else. */
function feedUrl(text: string): string | null {
  const address = text.replace(/^feed:(\/\/)?/i, (_m, slashes: string | undefined) =>
    slashes ? 'http://' : '',
  );
  try {
    const url = new URL(address);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** The first path of an OPML 2.0 `category` attribute (`/News/World,/Tags/x`), as a folder path. */
function categoryAttribute(value: string | undefined): string | null {
  const first = value?.split(',')[0];
  const parts =
    first
      ?.split('/')
      .map((p) => p.trim())
      .filter(Boolean) ?? [];
  return parts.length ? parts.join(CATEGORY_SEPARATOR) : null;
}

function lowerCaseAttributes(element: XmlElement): Record<string, string | undefined> {
  const attrs: Record<string, string> = {};
  for (const [name, value] of Object.entries(element.attrs)) attrs[name.toLowerCase()] ??= value;
  return attrs;
}

function clean(value: string | undefined): string | null {
  const text = value?.replace(/\s+/g, ' ').trim();
  return text ? text : null;
}

function localName(element: XmlElement): string {
  return element.key.replace(/^.*:/, '');
}

function childElement(element: XmlElement, name: string): XmlElement | undefined {
  for (const node of element.children) if (typeof node !== 'string' && localName(node) === name) return node;
  return undefined;
}

function textContent(element: XmlElement | undefined): string | null {
  if (!element) return null;
  return clean(element.children.map((c) => (typeof c === 'string' ? c : (textContent(c) ?? ''))).join(''));
}
