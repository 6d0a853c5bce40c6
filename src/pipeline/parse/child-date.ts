import { parseFeedDate } from './feed-date.js';
import { childText } from './xml-text.js';
import type { XmlElement } from './xml-tree.js';

/** The first child among `keys` whose text reads as a date, as UTC ISO 8601. */
export function childDate(element: XmlElement, ...keys: string[]): string | null {
  for (const key of keys) {
    const date = parseFeedDate(childText(element, key));
    if (date) return date;
  }
  return null;
}
