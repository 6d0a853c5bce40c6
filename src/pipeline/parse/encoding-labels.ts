import iconv from 'iconv-lite';

/** Labels servers put on text by default: a declaration worth double-checking against the bytes. */
export const LATIN_DEFAULTS = new Set([
  'iso-8859-1',
  'latin1',
  'us-ascii',
  'ascii',
  'windows-1252',
  'cp1252',
  'iso8859-1',
]);

/**
 * A label Newsdesk can decode, as `{label}` in the document's own spelling (lower-cased) and
 * the WHATWG `canonical` name used to reason about it; null for an unknown label.
 */
export function normaliseLabel(text: string): { label: string; canonical: string } | null {
  const label = text.trim().toLowerCase();
  if (label === '') return null;
  if (label === 'utf8') return { label: 'utf-8', canonical: 'utf-8' };
  try {
    return { label, canonical: new TextDecoder(label).encoding };
  } catch {
    return iconv.encodingExists(label) ? { label, canonical: label } : null;
  }
}
