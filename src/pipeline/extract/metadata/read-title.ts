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
  const first = candidates[0];
  if (!first) return headings[0] ?? null;
  return withoutSiteName(first, siteName, headings);
}

function withoutSiteName(title: string, siteName: string | null, headings: string[]): string {
  const parts = title.split(SEPARATOR);
  if (parts.length < 2) return title;
  const matching = headings.find((h) => parts.some((p) => p === h));
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
