import type { JsonLdFacts } from './json-ld.js';
import { firstMeta, type MetaTags } from './meta-tags.js';
import { isPlausibleDate, parseStructuredDate, parseTextDate, type PageDate } from './parse-date.js';
import { classAndId, type DomDocument, type DomElement } from '../input/dom.js';

const PUBLISHED_META = [
  'article:published_time', 'og:article:published_time', 'article.published', 'datepublished', 'publishdate', 'publish-date', 'publish_date',
  'published_time', 'published-date', 'publication_date', 'pubdate', 'sailthru.date', 'parsely-pub-date', 'dc.date.issued', 'dcterms.issued',
  'dc.date.created', 'dcterms.created', 'dc.date', 'dcterms.date', 'date', 'citation_publication_date', 'citation_date', 'og:published_time',
  'article:published', 'cxenseparse:recs:publishtime', 'originalpublicationdate', 'date_published', 'pub_date', 'release_date', 'created', 'dc.created',
];
const MODIFIED_META = ['article:modified_time', 'og:updated_time', 'datemodified', 'dc.date.modified', 'dcterms.modified', 'article.updated', 'lastmod', 'last-modified'];
const DATE_CUE = /(^|[\s_-])(date|datum|time|zeit|published|pubdate|posted|post-?date|entry-?date|meta|byline|dateline|info|article-?info|created|timestamp|fecha|data)/;
const URL_DATE = /\/((?:19|20)\d{2})[/_-]?(0[1-9]|1[0-2])[/_-]?(0[1-9]|[12]\d|3[01])(?:[/_.-]|$)/;
const URL_DATE_SPLIT = /\/((?:19|20)\d{2})\/(\d{1,2})\/(\d{1,2})\//;

/** Publication and modification dates, each from the most trusted place that gives a plausible one. */
export function findDates(
  document: DomDocument,
  meta: MetaTags,
  jsonLd: JsonLdFacts | null,
  url: string | undefined,
  now: Date,
): { published: PageDate | null; modified: PageDate | null } {
  const ok = (d: PageDate | null) => (d && isPlausibleDate(d, now) ? d : null);
  const structured = (value: string | null | undefined) => (value ? ok(parseStructuredDate(value)) : null);
  const modified = structured(jsonLd?.dateModified) ?? structured(firstMeta(meta, MODIFIED_META));
  const candidates = [jsonLd?.datePublished, ...PUBLISHED_META.map((name) => meta.get(name)?.[0])].map(structured).filter((d): d is PageDate => d !== null);
  const stated = inLocalTime(candidates[0] ?? null, [...candidates, ...markupTimes(document)]) ?? fromMarkup(document, ok);
  // A full date in the address is the publisher's own day; stated times are often converted to UTC or re-stamped.
  const inUrl = ok(fromUrl(url));
  const published = (inUrl && stated?.day !== inUrl.day ? inUrl : stated) ?? fromVisibleText(document, ok) ?? firstDateInText(document, ok);
  return { published, modified: modified && published && modified.iso < published.iso ? null : modified };
}

/**
 * The same instant as stated in the publisher's own offset, when one source gives it in UTC
 * and another in local time: the local day is the publisher's day.
 */
function inLocalTime(chosen: PageDate | null, candidates: PageDate[]): PageDate | null {
  if (!chosen || !/(Z|\+00:00)$/.test(chosen.iso)) return chosen;
  const instant = Date.parse(chosen.iso);
  const local = candidates.find((c) => /[+-]\d{2}:\d{2}$/.test(c.iso) && !c.iso.endsWith('+00:00') && Math.abs(Date.parse(c.iso) - instant) < 60_000);
  return local ?? chosen;
}

/** Machine-readable times written in the page (`<time datetime>`, microdata), at most a few dozen. */
function markupTimes(document: DomDocument): PageDate[] {
  const found: PageDate[] = [];
  for (const el of Array.from(document.querySelectorAll('time[datetime], [itemprop="datePublished"][content]')).slice(0, 40)) {
    const parsed = parseStructuredDate(el.getAttribute('datetime') ?? el.getAttribute('content') ?? '');
    if (parsed) found.push(parsed);
  }
  return found;
}

/** Microdata and `<time>`: `itemprop=datePublished` first, then a `<time>` marked as the publication time, then the first `<time>`. */
function fromMarkup(document: DomDocument, ok: (d: PageDate | null) => PageDate | null): PageDate | null {
  const read = (el: DomElement | null) => {
    if (!el) return null;
    const value = el.getAttribute('datetime') ?? el.getAttribute('content') ?? el.getAttribute('title');
    return ok(value ? parseStructuredDate(value) : null) ?? ok(parseTextDate(el.textContent ?? ''));
  };
  const times = Array.from(document.querySelectorAll('time'));
  const marked = times.find((t) => t.hasAttribute('pubdate') || /publish|created|posted|entry-date|pubdate/.test(classAndId(t) + ' ' + (t.getAttribute('itemprop') ?? '').toLowerCase()));
  return read(document.querySelector('[itemprop="datePublished"]')) ?? read(marked ?? null) ?? read(document.querySelector('abbr.published, abbr[title].date')) ?? read(times[0] ?? null);
}

function fromUrl(url: string | undefined): PageDate | null {
  if (!url) return null;
  const path = url.replace(/^https?:\/\/[^/]+/, '');
  const m = URL_DATE.exec(path) ?? URL_DATE_SPLIT.exec(path);
  return m ? parseStructuredDate(`${m[1]}-${m[2]}-${m[3]}`) : null;
}

/** The last resort: the first plausible date written anywhere in the page's text. */
function firstDateInText(document: DomDocument, ok: (d: PageDate | null) => PageDate | null): PageDate | null {
  const text = (document.body?.textContent ?? '').slice(0, 200_000);
  const pattern = /\b\d{1,2}\.\s?\d{1,2}\.\s?(19|20)\d{2}\b|\b(19|20)\d{2}-\d{2}-\d{2}\b|\b\d{1,2}\.?\s+\p{L}{3,10}\.?,?\s+(19|20)\d{2}\b|\b\p{L}{3,10}\.?\s+\d{1,2}(st|nd|rd|th)?,?\s+(19|20)\d{2}\b/gu;
  let tries = 0;
  for (const match of text.matchAll(pattern)) {
    const found = ok(parseTextDate(match[0]));
    if (found) return found;
    if (++tries > 50) break;
  }
  return null;
}

/** Short elements named as dates or bylines, in document order; the first that reads as a date wins. */
function fromVisibleText(document: DomDocument, ok: (d: PageDate | null) => PageDate | null): PageDate | null {
  const root = document.body;
  if (!root) return null;
  let checked = 0;
  for (const el of Array.from(root.querySelectorAll('[class],[id]'))) {
    const cues = classAndId(el);
    if (!DATE_CUE.test(cues)) continue;
    const text = el.textContent ?? '';
    if (text.length > 200 || !/\d/.test(text)) continue;
    const found = ok(parseTextDate(text));
    if (found) return found;
    if (++checked > 60) break;
  }
  return null;
}
