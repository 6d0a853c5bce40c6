import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { ParsedFeed } from '../../src/domain/feed.js';
import { personName } from '../../src/pipeline/parse/people.js';
import { plainText } from '../../src/pipeline/parse/plain-text.js';
import type { ParserUnderTest } from './peers.js';
import type { Tally } from './feedparser-suite.js';

interface ExpectedItem {
  title?: string;
  link?: string;
  guid?: string;
  id?: string;
  isoDate?: string;
  creator?: string;
  categories?: unknown[];
  enclosure?: { url?: string };
}
interface ExpectedFeed {
  title?: string;
  link?: string;
  items: ExpectedItem[];
}

/**
 * rss-parser's fixtures: real feeds with rss-parser's own output as the expectation. Each
 * feed and item field present in the expectation is one check; items are matched in order.
 * rss-parser scoring itself measures the harness as much as the parser.
 */
export async function runRssParserSuite(
  corpusDir: string,
  parsers: ParserUnderTest[],
): Promise<Map<string, Tally>> {
  const dir = join(corpusDir, 'rss-parser-fixtures');
  const scores = new Map(parsers.map((p) => [p.name, { passed: 0, total: 0 }]));
  for (const input of (await readdir(join(dir, 'input'))).sort()) {
    const stem = input.replace(/\.(rss|atom)(\.gz)?$/, '');
    const expected = await readExpected(join(dir, 'output'), stem);
    if (!expected) continue;
    const body = await readBytes(join(dir, 'input', input));
    for (const parser of parsers) {
      const tally = scores.get(parser.name)!;
      const feed = await parser.parse(body, {}).catch(() => null);
      for (const ok of checks(expected, feed)) {
        tally.total++;
        if (ok) tally.passed++;
      }
    }
  }
  return scores;
}

function checks(expected: ExpectedFeed, feed: ParsedFeed | null): boolean[] {
  const results: boolean[] = [];
  if (expected.title) results.push(text(feed?.title) === text(expected.title));
  if (expected.link) results.push(sameUrl(feed?.link, expected.link));
  results.push(feed?.items.length === expected.items.length);
  expected.items.forEach((want, i) => {
    const got = feed?.items[i];
    if (want.title) results.push(text(got?.title) === text(want.title));
    if (want.link) results.push(sameUrl(got?.link, want.link));
    if (want.guid ?? want.id) results.push(got?.guid === (want.guid ?? want.id)!.trim());
    // rss-parser's isoDate is the publication date, or the update date when that is all there is.
    const date = got?.published ?? got?.updated;
    if (want.isoDate) results.push(Boolean(date) && Date.parse(date!) === Date.parse(want.isoDate));
    if (want.creator)
      results.push(Boolean(got?.authors.some((a) => personName(a) === personName(want.creator))));
    for (const category of want.categories ?? []) {
      if (typeof category === 'string') results.push(Boolean(got?.categories.includes(category.trim())));
    }
    if (want.enclosure?.url)
      results.push(Boolean(got?.enclosures.some((e) => sameUrl(e.url, want.enclosure!.url!))));
  });
  return results;
}

function text(value: string | null | undefined): string {
  return plainText(value ?? null) ?? '';
}

function sameUrl(a: string | null | undefined, b: string): boolean {
  if (!a) return false;
  try {
    return new URL(a).href === new URL(b.trim()).href;
  } catch {
    return a.trim() === b.trim();
  }
}

async function readExpected(dir: string, stem: string): Promise<ExpectedFeed | null> {
  for (const name of [`${stem}.json`, `${stem}.json.gz`]) {
    try {
      const bytes = await readBytes(join(dir, name));
      // encoding.json is stored as Latin-1 upstream.
      const json = stem === 'encoding' ? bytes.toString('latin1') : bytes.toString('utf8');
      return (JSON.parse(json) as { feed: ExpectedFeed }).feed;
    } catch {
      continue;
    }
  }
  return null;
}

/** A corpus file's bytes, decompressed when it ends in `.gz`. */
export async function readBytes(path: string): Promise<Buffer> {
  const bytes = await readFile(path);
  return path.endsWith('.gz') ? gunzipSync(bytes) : bytes;
}
