import { join } from 'node:path';
import { extractArticle } from '../../src/pipeline/extract/extract-article.js';
import { report } from '../support/report.js';
import { corpusDir, gunzip, readCompressed, readJson } from './corpus.js';
import { runReadability } from './peer-readability.js';
import { looselyEqual } from './scores.js';

interface PostlightCase {
  url: string;
  fixture: string;
  expected: { title?: string; author?: string | null; date_published?: string; date_published_day?: string; lead_image_url?: string | null };
}

/**
 * Postlight Parser's fixtures: title, author, publication date and lead image agreement with
 * the expected values, over the cases that assert each field (an expected null agrees with none
 * found). Dates agree on the UTC day (Mercury normalises to UTC) or on the page's own day; images
 * on the address without its query.
 */
export function benchPostlightFixtures(limit: number): void {
  const dir = corpusDir('postlight-parser-fixtures');
  const cases = readJson<PostlightCase[]>(join(dir, 'cases.json')).slice(0, limit);
  const tally = { title: [0, 0, 0], author: [0, 0, 0], date: [0, 0, 0], image: [0, 0, 0] };
  for (const c of cases) {
    const gz = readCompressed(join(dir, 'fixtures', `${c.fixture}.gz`)) ?? readCompressed(join(dir, 'fixtures', c.fixture));
    if (!gz) continue;
    let ours: ReturnType<typeof extractArticle> | null = null;
    try {
      ours = extractArticle({ html: gunzip(gz), url: c.url, now: new Date('2026-01-01T00:00:00Z') });
    } catch {
      ours = null;
    }
    const peer = runReadability(gunzip(gz), c.url);
    const e = c.expected;
    const gold = e.date_published ?? e.date_published_day;
    const add = (key: keyof typeof tally, asserted: unknown, oursOk: boolean, peerOk: boolean) => {
      if (asserted === undefined) return;
      tally[key][0]!++;
      if (oursOk) tally[key][1]!++;
      if (peerOk) tally[key][2]!++;
    };
    add('title', e.title, looselyEqual(e.title, ours?.title), looselyEqual(e.title, peer?.title));
    add('author', e.author, authorsAgree(e.author, ours?.byline), authorsAgree(e.author, peer?.byline));
    add('date', gold, sameDay(gold, ours?.published), sameDay(gold, peer?.publishedTime));
    add('image', e.lead_image_url, sameImage(e.lead_image_url, ours?.image), false);
  }
  const bench = 'extract/postlight-parser-fixtures';
  for (const [field, [n, ours, peer]] of Object.entries(tally)) {
    const peerEntry = field === 'image' ? undefined : { name: '@mozilla/readability on linkedom', value: peer! / Math.max(1, n!) };
    report({ bench, name: `${field} agreement (${n} cases)`, value: ours! / Math.max(1, n!), unit: '', ...(peerEntry ? { peer: peerEntry } : {}), goal: field === 'image' ? 'Readability gives no lead image' : '' });
  }
}

function authorsAgree(expected: string | null | undefined, got: string | null | undefined): boolean {
  if (expected === null) return !got;
  if (!expected || !got) return false;
  if (looselyEqual(expected, got)) return true;
  const words = (s: string) => s.toLowerCase().replace(/^\s*by\s+/, '').split(/[^\p{L}]+/u).filter((w) => w.length > 1 && w !== 'and' && w !== 'by');
  const a = new Set(words(expected));
  const b = words(got);
  return b.length > 0 && b.every((w) => a.has(w)) && b.length >= a.size * 0.5;
}

function sameDay(expected: string | undefined, got: string | null | undefined): boolean {
  if (!expected || !got) return false;
  const goldDay = expected.slice(0, 10);
  if (got.slice(0, 10) === goldDay) return true;
  // A page that states only a day: Mercury writes it as that day's midnight in the page's zone,
  // converted to UTC (2019-03-05 in Tokyo is 2019-03-04T15:00:00.000Z). A gold time on a whole
  // hour is such a midnight; a bare day agrees when it is midnight of that day at a whole-hour offset.
  const wholeHour = /T\d{2}:00:00(\.000)?Z$/.test(expected);
  if (wholeHour && /^\d{4}-\d{2}-\d{2}$/.test(got)) {
    const hours = (Date.parse(`${got}T00:00:00Z`) - Date.parse(expected)) / 3_600_000;
    if (hours >= -12 && hours <= 14) return true;
  }
  const parsed = Date.parse(got);
  return Number.isFinite(parsed) && got.length > 10 && new Date(parsed).toISOString().slice(0, 10) === goldDay;
}

function sameImage(expected: string | null | undefined, got: string | null | undefined): boolean {
  // Postlight expects no lead image on some pages: finding none agrees.
  if (expected === null) return !got;
  if (!expected || !got) return false;
  const strip = (u: string) => u.replace(/^https?:/, '').replace(/[?#].*$/, '');
  return strip(expected) === strip(got);
}
