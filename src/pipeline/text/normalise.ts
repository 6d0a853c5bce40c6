import { normaliseArabic } from './arabic.js';

// Zero-width joiners, direction marks and the byte-order mark carry no meaning for comparison.
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]/g;

/**
 * The form every comparison in Newsdesk works on: Unicode NFKC (ligatures, full-width and
 * presentation forms folded), full case folding, Arabic orthographic normalisation, and
 * invisible formatting characters removed. Stored articles keep their original text.
 */
export function normaliseText(text: string): string {
  return normaliseArabic(text.normalize('NFKC').toLowerCase().replace(INVISIBLE, ''));
}
