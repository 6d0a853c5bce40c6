import { NewsdeskError } from '../../../platform/errors.js';
import { compactMarkup } from './compact-markup.js';
import { stripMarkup } from './strip-markup.js';

/** The page text ready to parse, and the JSON-LD blocks taken out before scripts are dropped. */
export interface PreparedHtml {
  html: string;
  jsonLd: string[];
}

const HTML_TYPES = /^(text\/html|application\/xhtml\+xml|text\/plain|application\/octet-stream|text\/xml|application\/xml)\b/i;
// Inline images of many kilobytes become empty data: URIs: the parser need not carry them.
const BIG_DATA_URI = /(["'(])data:[^"')\s]{2048,}/g;
const MAGIC = [[0x25, 0x50, 0x44, 0x46], [0x89, 0x50, 0x4e, 0x47], [0x47, 0x49, 0x46, 0x38], [0xff, 0xd8, 0xff], [0x50, 0x4b, 0x03, 0x04], [0x1f, 0x8b]];

/** Refuses bytes that are an image, a PDF, an archive or gzip before any decoding is tried. */
export function refuseBinary(bytes: Uint8Array | string): void {
  if (typeof bytes === 'string') return;
  const binary = MAGIC.some((magic) => magic.every((b, i) => bytes[i] === b)) || bytes.subarray(0, 1024).includes(0);
  if (binary && !(bytes[0] === 0xff && bytes[1] === 0xfe) && !(bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new NewsdeskError('EXTRACT_NOT_HTML', 'The document is binary (an image, a PDF, an archive), not HTML.');
  }
}

/** Refuses what is not HTML and strips the parts of the page that never hold article text. */
export function prepareHtml(text: string, contentType: string | undefined, maxBytes: number, maxDepth: number): PreparedHtml {
  if (contentType && !HTML_TYPES.test(contentType.trim())) {
    throw new NewsdeskError('EXTRACT_NOT_HTML', `The document is ${contentType.split(';')[0]}, not HTML.`);
  }
  const head = text.slice(0, 65536);
  if (/^\s*(<\?xml[^>]*>\s*)?<(rss|feed|rdf:RDF)\b/i.test(head) || /^\s*[[{]/.test(head)) {
    throw new NewsdeskError('EXTRACT_NOT_HTML', 'The document is a feed or JSON, not an HTML page.');
  }
  if (!/<[a-z!]/i.test(head)) {
    if (head.trim() === '') throw new NewsdeskError('EXTRACT_EMPTY', 'The document is empty.');
    throw new NewsdeskError('EXTRACT_NOT_HTML', 'The document has no HTML markup.');
  }
  const stripped = stripMarkup(text);
  const jsonLd = stripped.jsonLd;
  const withoutScripts = stripped.html.replace(BIG_DATA_URI, '$1data:,');
  if (withoutScripts.length > maxBytes) {
    throw new NewsdeskError(
      'EXTRACT_TOO_LARGE',
      `The page has ${Math.round(withoutScripts.length / 1e6)} million characters of markup without scripts; at most ${Math.round(maxBytes / 1e6)} million are extracted.`,
    );
  }
  const nesting = { depth: 0 };
  const html = compactMarkup(withoutScripts, nesting);
  if (nesting.depth > maxDepth * 2) {
    throw new NewsdeskError('EXTRACT_TOO_COMPLEX', `The page nests elements more than ${maxDepth} deep.`);
  }
  return { html, jsonLd };
}
