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
}

export interface Enclosure {
  url: string;
  type: string | null;
  length: number | null;
}
