import type { DomElement } from '../input/dom.js';

const SEPARATOR = /\s+[|\-–—:»·•/\\]+\s+|\s+::\s+|\s*[｜|]\s*/;

/**
 * The headline: the page's own heading (`<h1>`, `<h2>`) when a stated title agrees with it, else the stated
 * title (JSON-LD, OpenGraph, Twitter, `<title>`) with the site name cut off.
 */
export function readTitle(pageHeadings: readonly DomElement[], stated: Array<string | null>, siteName: string | null): string | null {
  const headings = pageHeadings
    .slice(0, 12)
    .map((h) => collapse(h.textContent ?? ''))
    .filter((h) => h.length > 3);
  const site = siteName ? collapse(siteName).toLowerCase() : null;
  // A stated title that is only the site's name says nothing about the article.
  const candidates = stated.map((t) => (t ? collapse(t) : '')).filter((t) => t !== '' && t.toLowerCase() !== site);
  for (const candidate of candidates) {
    const same = headings.find((h) => h === candidate || h.toLowerCase() === candidate.toLowerCase());
    if (same) return same;
  }
  // A stated title that opens with the page's heading before the site's name ("New Zealand -
  // Wikipedia") is the article's, even when a title stated before it says something else. Only
  // the opening part counts: the site's own name is often a heading too (a logo in an <h1>).
  for (const candidate of candidates) {
    const parts = candidate.split(SEPARATOR);
    const opening = parts.length > 1 ? parts[0]!.toLowerCase() : null;
    const same = opening ? headings.find((h) => h.toLowerCase() === opening) : undefined;
    if (same) return same;
  }
  const first = candidates[0];
  if (!first) return headings[0] ?? null;
  return withoutSiteName(first, siteName, headings);
}

function withoutSiteName(title: string, siteName: string | null, headings: string[]): string {
  const parts = title.split(SEPARATOR);
  if (parts.length < 2) return title;
  // A part that is also a heading is the headline, unless it is the site's name in its logo:
  // the headline is the opening or the longest part.
  const longest = parts.reduce((a, b) => (b.length > a.length ? b : a));
  const matching = headings.find((h) => h === parts[0] || h === longest);
  if (matching) return matching;
  const site = siteName?.toLowerCase();
  const kept = parts.filter((p) => !site || !(p.toLowerCase().includes(site) || site.includes(p.toLowerCase())));
  if (kept.length > 0 && kept.length < parts.length) return rejoin(title, kept);
  // No site name to go by: a trailing short part is usually the site ("Headline | Site").
  const last = parts[parts.length - 1]!;
  const head = title.slice(0, title.length - last.length).replace(/\s*([|\-–—:»·•/\\]+|::)\s*$/, '');
  if (head.split(/\s+/).length >= 3 && last.split(/\s+/).length <= 4) return head;
  return title;
}

function rejoin(title: string, kept: string[]): string {
  const start = title.indexOf(kept[0]!);
  const lastPart = kept[kept.length - 1]!;
  const end = title.lastIndexOf(lastPart) + lastPart.length;
  return start >= 0 && end > start ? title.slice(start, end) : kept.join(' ');
}

export function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
