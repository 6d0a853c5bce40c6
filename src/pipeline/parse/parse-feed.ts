import type { ParsedFeed } from '../../domain/feed.js';
import { NewsdeskError } from '../../platform/errors.js';
import { readAtom } from './atom.js';
import { decodeFeedBytes } from './detect-encoding.js';
import { readJsonFeed } from './json-feed.js';
import { readRss } from './rss.js';
import { parseXmlTree, type XmlElement } from './xml-tree.js';

export interface ParseFeedOptions {
  /** The feed's own address: the base for relative links. */
  url?: string;
  /** The HTTP Content-Type, whose charset is one of the encoding clues. */
  contentType?: string;
}

const MAX_WARNINGS = 20;
const FEED_ROOTS = new Set(['rss', 'rdf:rdf', 'channel', 'atom:feed', 'feed']);

/**
 * Reads RSS 0.9x/1.0/2.0, Atom 0.3/1.0 or JSON Feed 1.0/1.1 into one model with UTC dates and
 * absolute links. Documents that are not well-formed are recovered where a reader would
 * still understand them and marked `recovered`. Throws FEED_MALFORMED when the bytes are
 * not a feed at all.
 */
export function parseFeed(body: Uint8Array, options: ParseFeedOptions = {}): ParsedFeed {
  const documentUrl = options.url ?? null;
  const decoded = decodeFeedBytes(body, options.contentType);
  const text = decoded.text;
  const start = firstSignificant(text);
  if (start === -1) throw new NewsdeskError('FEED_MALFORMED', 'The document is empty.');
  if (text.charCodeAt(start) === 123 /* { */) {
    return {
      ...readJsonFeed(text.slice(start), documentUrl),
      recovered: decoded.issues.length > 0,
      warnings: decoded.issues,
    };
  }
  const tree = parseXmlTree(start === 0 ? text : text.slice(start), documentUrl);
  const root = tree.roots.find((element) => FEED_ROOTS.has(element.key)) ?? tree.root;
  if (!root)
    throw new NewsdeskError(
      'FEED_MALFORMED',
      'The document has no XML element: it is not RSS, Atom or JSON Feed.',
    );
  const fields = readRoot(root);
  const warnings = [...decoded.issues, ...tree.issues].slice(0, MAX_WARNINGS);
  return { ...fields, recovered: warnings.length > 0, warnings };
}

function readRoot(root: XmlElement) {
  switch (root.key) {
    case 'rss':
    case 'rdf:rdf':
    case 'channel':
      return readRss(root);
    case 'atom:feed':
      return readAtom(root);
    case 'feed':
      return readAtom(keyAsAtom(root));
    case 'html':
      throw new NewsdeskError(
        'FEED_MALFORMED',
        'The document is an HTML page, not a feed; look for a <link rel="alternate"> feed address in it.',
      );
    default:
      throw new NewsdeskError('FEED_MALFORMED', `The root element <${root.name}> is not RSS, Atom or RDF.`);
  }
}

/** An Atom document that forgot its namespace: read its unprefixed elements as Atom. */
function keyAsAtom(element: XmlElement): XmlElement {
  if (!element.key.includes(':')) element.key = `atom:${element.key}`;
  for (const node of element.children) if (typeof node !== 'string') keyAsAtom(node);
  return element;
}

function firstSignificant(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 10 && c !== 13 && c !== 9 && c !== 0xfeff && c !== 0) return i;
  }
  return -1;
}
