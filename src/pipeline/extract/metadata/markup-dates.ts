import { parseStructuredDate, parseTextDate, type DateReading, type PageDate } from './parse-date.js';
import type { PageIndex } from './page-index.js';
import { classAndId, type DomElement } from '../input/dom.js';

/** Dates read from the page's markup: microdata, `<time>`, `<abbr title>`, elements named as dates. */

type Check = (d: PageDate | null) => PageDate | null;
type Aside = (element: DomElement) => boolean;

const DATE_CUE = /(^|[\s_-])(date|datum|time|zeit|published|pubdate|posted|post-?date|entry-?date|meta|byline|dateline|info|article-?info|created|timestamp|fecha|data)/;

/** Machine-readable times written in the page (`<time datetime>`, microdata), at most a few dozen. */
export function markupTimes(page: PageIndex): PageDate[] {
  const found: PageDate[] = [];
  for (const el of page.machineTimes.slice(0, 40)) {
    const parsed = parseStructuredDate(el.getAttribute('datetime') ?? el.getAttribute('content') ?? '');
    if (parsed) found.push(parsed);
  }
  return found;
}

function readElement(el: DomElement | null | undefined, ok: Check): PageDate | null {
  if (!el) return null;
  const value = el.getAttribute('datetime') ?? el.getAttribute('content') ?? el.getAttribute('title');
  return ok(value ? parseStructuredDate(value) : null) ?? ok(parseTextDate(el.textContent ?? ''));
}

/** Microdata `datePublished`, then a `<time>` or `<abbr>` marked as the publication time, outside comments and lists. */
export function fromMarkedMarkup(page: PageIndex, ok: Check, insideAside: Aside): PageDate | null {
  const first = (elements: DomElement[], accept: (el: DomElement) => boolean = () => true) =>
    elements.slice(0, 40).find((el) => accept(el) && !insideAside(el));
  const marked = (t: DomElement) => t.hasAttribute('pubdate') || /publish|created|posted|entry-date|pubdate/.test(classAndId(t) + ' ' + (t.getAttribute('itemprop') ?? '').toLowerCase());
  return readElement(first(page.datePublished), ok) ?? readElement(first(page.times, marked), ok) ?? readElement(first(page.dateAbbrs), ok);
}

export function fromFirstTime(page: PageIndex, ok: Check, insideAside: Aside): PageDate | null {
  const times = page.times.slice(0, 40);
  return readElement(times.find((t) => !insideAside(t)), ok);
}

/** Short elements named as dates or bylines, in document order; the first that reads as a date wins. */
export function fromVisibleText(page: PageIndex, ok: Check, reading: DateReading, insideAside: Aside): PageDate | null {
  let checked = 0;
  for (const el of page.named) {
    const cues = classAndId(el);
    if (!DATE_CUE.test(cues)) continue;
    const text = el.textContent ?? '';
    if (text.length > 200 || !/\d/.test(text) || insideAside(el)) continue;
    const found = ok(parseTextDate(text, reading));
    if (found) return found;
    if (++checked > 60) break;
  }
  return null;
}
