/**
 * The normalised feed: what every feed format (RSS 0.9x/1.0/2.0, Atom, JSON Feed) is parsed
 * into. Dates are ISO 8601 strings in UTC or null; links are absolute or null. This is also
 * the shape `newsdesk parse-feed` prints.
 */
export interface ParsedFeed {
  title: string | null;
  link: string | null;
  language: string | null;
  items: ParsedItem[];
  /** The format and version read: `rss2.0`, `rss1.0`, `rss0.91`, `atom1.0`, `atom0.3`, `json1.1`, ... */
  format?: string;
  description?: string | null;
  /** The feed's logo or icon, absolute. */
  image?: string | null;
  /** True when the document was not well-formed and was read by recovery; `warnings` says what was wrong. */
  recovered?: boolean;
  warnings?: string[];
  /** Minutes a reader may cache the feed (RSS `ttl`). */
  ttl?: number | null;
  /** Hours (0–23, GMT) and days (`Monday`...) on which the publisher asks not to be polled. */
  skipHours?: number[];
  skipDays?: string[];
  /** WebSub hub and the feed's own address as the publisher states them. */
  hub?: string | null;
  self?: string | null;
}

export interface ParsedItem {
  title: string | null;
  link: string | null;
  guid: string | null;
  published: string | null;
  updated: string | null;
  authors: string[];
  summary: string | null;
  content: string | null;
  enclosures: Enclosure[];
  categories: string[];
  /** A picture for the item (Media RSS thumbnail, iTunes image, image enclosure), absolute. */
  image?: string | null;
}

export interface Enclosure {
  url: string;
  type: string | null;
  length: number | null;
}
