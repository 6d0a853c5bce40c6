import type { JsonLdFacts } from './json-ld.js';
import type { MetaTags } from './meta-tags.js';
import type { PageIndex } from './page-index.js';
import { asideTest, textOutsideAsides } from './page-regions.js';
import { fromFirstTime, fromMarkedMarkup, fromVisibleText, markupTimes } from './markup-dates.js';
import { isPlausibleDate, parseStructuredDate, type DateReading, type PageDate } from './parse-date.js';
import { daysInText, findTextDates, readWrittenDates, type WrittenDate } from './text-dates.js';
import type { DomDocument } from '../input/dom.js';

/** Names that always mean the first publication. */
const PUBLISHED_META = [
  'article:published_time', 'og:article:published_time', 'article.published', 'datepublished', 'publishdate', 'publish-date', 'publish_date',
  'published_time', 'published-date', 'publication_date', 'pubdate', 'sailthru.date', 'parsely-pub-date', 'dc.date.issued', 'dcterms.issued',
  'dc.date.created', 'dcterms.created', 'citation_publication_date', 'citation_date', 'og:published_time',
  'article:published', 'cxenseparse:recs:publishtime', 'originalpublicationdate', 'date_published', 'pub_date', 'release_date',
];
/** Names that CMSs fill with the publication, the last change or the day the page was built: weaker than what the page shows. */
const AMBIGUOUS_META = ['dc.date', 'dcterms.date', 'date', 'created', 'dc.created'];
const MODIFIED_META = ['article:modified_time', 'og:updated_time', 'datemodified', 'dc.date.modified', 'dcterms.modified', 'article.updated', 'lastmod', 'last-modified'];
const URL_DATE = /\/((?:19|20)\d{2})[/_-]?(0[1-9]|1[0-2])[/_-]?(0[1-9]|[12]\d|3[01])(?:[/_.-]|$)/;
const URL_DATE_SPLIT = /\/((?:19|20)\d{2})\/(\d{1,2})\/(\d{1,2})\//;
/** Enough text for any article's header and first screens; bounds the cost on huge pages. */
const TEXT_LIMIT = 60_000;

type Check = (d: PageDate | null) => PageDate | null;

/**
 * Publication and modification dates. Trust runs: JSON-LD and unambiguous `<meta>`, a full date
 * in the address, microdata and `<time>` marked as the publication, a date the text announces as
 * the publication, the first `<time>`, the earlier of an element named as a date and an ambiguous
 * `<meta>`, the first date in the text, a date announced as a change. Comments, lists of other
 * articles and navigation are never read: their dates are not the article's. Last, the days the
 * page shows its readers settle a re-issued article and a UTC time near midnight.
 */
export function findDates(
  document: DomDocument,
  page: PageIndex,
  meta: MetaTags,
  jsonLd: JsonLdFacts | null,
  url: string | undefined,
  now: Date,
  reading: DateReading = { monthFirst: true },
): { published: PageDate | null; modified: PageDate | null } {
  const ok: Check = (d) => (d && isPlausibleDate(d, now) ? d : null);
  const structured = (value: string | null | undefined) => (value ? ok(parseStructuredDate(value)) : null);
  const fromMeta = (names: string[]) => names.map((name) => structured(meta.get(name)?.[0])).filter((d): d is PageDate => d !== null);
  const modified = structured(jsonLd?.dateModified) ?? fromMeta(MODIFIED_META)[0] ?? null;
  const candidates = [structured(jsonLd?.datePublished), ...fromMeta(PUBLISHED_META)].filter((d): d is PageDate => d !== null);
  const markup = markupTimes(page);
  const stated = inLocalTime(candidates[0] ?? null, [...candidates, ...markup]);
  // A full date in the address is the publisher's own day; stated times are often converted to UTC or re-stamped.
  const inUrl = ok(fromUrl(url));
  // The page's text and the dates written in it are read at most once, and only when needed.
  let written: WrittenDate[] | undefined;
  const writtenDates = () => (written ??= document.body ? readWrittenDates(textOutsideAsides(document.body, TEXT_LIMIT), reading) : []);
  const published = (inUrl && stated?.day !== inUrl.day ? inUrl : stated) ?? fromPage(page, ok, reading, writtenDates, inLocalTime(fromMeta(AMBIGUOUS_META)[0] ?? null, markup));
  let days: Set<string> | undefined;
  const shown = () => (days ??= daysInText(writtenDates()));
  // The page shows its readers the later date and nowhere the earlier one: the article was
  // re-issued, and the date it presents as its own is the one the publisher stands by.
  if (published && modified && modified.day > published.day && shown().has(modified.day) && !shown().has(published.day)) return { published: modified, modified };
  return { published: (published && localDayShown(published, shown)) ?? published, modified: modified && published && modified.iso < published.iso ? null : modified };
}

/**
 * A time stated in UTC falls on another day in the publisher's own zone when it is near midnight;
 * when the page shows only that other day, it is the publisher's day. The instant is kept, written
 * with the smallest whole-hour offset that lands on that day (the true offset is not stated).
 */
function localDayShown(date: PageDate, shown: () => Set<string>): PageDate | null {
  if (!/T.*(Z|\+00:00)$/.test(date.iso) || shown().has(date.day)) return null;
  const instant = Date.parse(date.iso);
  const offsets = [-1, 1, -2, 2, -3, 3, -4, 4, -5, 5, -6, 6, -7, 7, -8, 8, -9, 9, -10, 10, -11, 11, -12, 12, 13, 14];
  const days = new Set(offsets.map((h) => localIso(instant, h).slice(0, 10)).filter((d) => d !== date.day));
  const other = [...days].filter((d) => shown().has(d));
  if (other.length !== 1) return null;
  const hours = offsets.find((h) => localIso(instant, h).startsWith(other[0]!))!;
  return { iso: localIso(instant, hours), day: other[0]! };
}

/** The instant as local time at a whole-hour offset, e.g. `2021-11-05T00:00:00+01:00`. */
function localIso(instant: number, hours: number): string {
  const local = new Date(instant + hours * 3600_000).toISOString().slice(0, 19);
  const sign = hours < 0 ? '-' : '+';
  return `${local}${sign}${String(Math.abs(hours)).padStart(2, '0')}:00`;
}

/** What the page itself shows, when no trusted machine-readable date was given. */
function fromPage(page: PageIndex, ok: Check, reading: DateReading, writtenDates: () => WrittenDate[], ambiguousMeta: PageDate | null): PageDate | null {
  const aside = asideTest();
  const marked = fromMarkedMarkup(page, ok, aside);
  if (marked) return marked;
  const text = findTextDates(writtenDates(), ok);
  const shown = text.announced ?? fromFirstTime(page, ok, aside);
  if (shown) return shown;
  const named = fromVisibleText(page, ok, reading, aside);
  // Neither is sure of itself: the earlier is the first publication, the later a change or today's date in a page header.
  const weak = named && ambiguousMeta ? (named.day <= ambiguousMeta.day ? named : ambiguousMeta) : named ?? ambiguousMeta;
  return weak ?? text.first ?? text.changed ?? null;
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

function fromUrl(url: string | undefined): PageDate | null {
  if (!url) return null;
  const path = url.replace(/^https?:\/\/[^/]+/, '');
  const m = URL_DATE.exec(path) ?? URL_DATE_SPLIT.exec(path);
  return m ? parseStructuredDate(`${m[1]}-${m[2]}-${m[3]}`) : null;
}
