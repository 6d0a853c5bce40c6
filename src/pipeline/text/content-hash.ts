import { hash64Hex } from './hash.js';
import { words } from './tokens.js';

/**
 * A hash of the text's words after normalisation, so the same article re-served with other
 * whitespace, punctuation, case or Arabic spelling variants gets the same hash.
 * Returns null for a text with no words: empty texts are never "identical" to each other.
 */
export function contentHash(text: string): string | null {
  return contentHashOf(words(text));
}

/** contentHash for words already split by `words`. */
export function contentHashOf(list: readonly string[]): string | null {
  return list.length === 0 ? null : hash64Hex(list.join(' '));
}
