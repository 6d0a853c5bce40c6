import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { decodeFeedBytes } from '../../src/pipeline/parse/detect-encoding.js';
import type { ParserUnderTest } from './peers.js';
import type { Tally } from './feedparser-suite.js';

interface CharsetCase {
  test: string;
  file: string;
  http_content_type?: string;
  expect_contains: string[];
}

export interface MinifluxResult {
  charset: Map<string, Tally>;
  feeds: Map<string, Tally>;
  failures: string[];
}

const REAL_WORLD = [
  'encoding_ISO-8859-1.xml',
  'no_encoding_ISO-8859-1.xml',
  'encoding_WINDOWS-1251.xml',
  'urdu_UTF8.xml',
  'rdf_UTF8.xml',
  'large_atom.xml',
  'large_rss.xml',
  'small_atom.xml',
];
/** Text that went through the wrong decoder: UTF-8 read as Latin-1, or undecodable bytes. */
const MOJIBAKE = /\ufffd|Ã[\u0080-\u00bf]|Ð[\u0080-\u00bf]|Ø[\u0080-\u00bf]/;

/**
 * Miniflux's charset cases (the decoded text must contain the expected words) and its real
 * feeds (each must parse, have items, and have no mis-decoded title or summary). Peers take
 * a string, so their charset cases are scored on the UTF-8 decoding their callers do.
 */
export async function runMinifluxSuite(
  corpusDir: string,
  parsers: ParserUnderTest[],
): Promise<MinifluxResult> {
  const dir = join(corpusDir, 'miniflux-feed-fixtures');
  const cases = JSON.parse(await readFile(join(dir, 'encoding-expectations.json'), 'utf8')) as CharsetCase[];
  const charset = new Map(parsers.map((p) => [p.name, { passed: 0, total: 0 }]));
  const feeds = new Map(parsers.map((p) => [p.name, { passed: 0, total: 0 }]));
  const failures: string[] = [];
  for (const c of cases) {
    const body = await readFile(join(dir, c.file));
    for (const parser of parsers) {
      const text =
        parser.name === 'newsdesk'
          ? decodeFeedBytes(body, c.http_content_type || null).text
          : body.toString('utf8');
      const ok = c.expect_contains.every((s) => text.includes(s)) && !text.includes('\ufffd');
      tally(charset, parser.name, ok);
      if (!ok && parser.name === 'newsdesk') failures.push(`charset ${c.test}`);
    }
  }
  for (const name of REAL_WORLD) {
    const body = await readFile(join(dir, 'feeds-realworld', name));
    for (const parser of parsers) {
      const feed = await parser.parse(body, {}).catch(() => null);
      const texts = feed ? [feed.title, ...feed.items.flatMap((i) => [i.title, i.summary])] : [];
      const ok = feed !== null && feed.items.length > 0 && !texts.some((t) => t && MOJIBAKE.test(t));
      tally(feeds, parser.name, ok);
      if (!ok && parser.name === 'newsdesk') failures.push(`feed ${name}`);
    }
  }
  return { charset, feeds, failures };
}

function tally(map: Map<string, Tally>, name: string, ok: boolean): void {
  const t = map.get(name)!;
  t.total++;
  if (ok) t.passed++;
}
