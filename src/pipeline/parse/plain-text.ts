import { createEntityContext, decodeEntities } from './xml-entities.js';

const MAX_TITLE = 4096;
const TAG = /<\/?[a-zA-Z](?:[^>"']|"[^"]*"|'[^']*')*>|<!--[\s\S]*?-->/g;
const MARKUP_HINT = /<\/?[a-zA-Z][^>]*>|&(#\d+|#x[0-9a-f]+|[a-z]+\d?);/i;

/**
 * A title as plain text. RSS titles are often HTML (escaped or not): tags are dropped and
 * HTML entities decoded, the way a feed reader shows them; whitespace runs become one space.
 */
export function plainText(value: string | null): string | null {
  if (value === null) return null;
  // No real title is this long; the cap keeps tag stripping linear on hostile input.
  let text = value.length > MAX_TITLE ? value.slice(0, MAX_TITLE) : value;
  if (MARKUP_HINT.test(text)) {
    text = decodeEntities(text.replace(TAG, ''), createEntityContext(text.length));
  }
  text = text.replace(/\s+/g, ' ').trim();
  return text === '' ? null : text;
}
