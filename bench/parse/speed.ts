import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { ParserUnderTest } from './peers.js';
import { readBytes } from './rss-parser-suite.js';

// A full collection before each parser's turn, so that none pays for the garbage another left.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

export interface Speed {
  feeds: number;
  bytes: number;
  seconds: number;
  errors: number;
}

/** Every feed of the three conformance suites, loaded into memory once. */
export async function loadConformanceFeeds(corpusDir: string): Promise<Buffer[]> {
  const paths: string[] = [];
  const feedparser = join(corpusDir, 'feedparser-tests', 'files');
  for (const entry of await readdir(feedparser, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) paths.push(join(entry.parentPath, entry.name));
  }
  const rssParser = join(corpusDir, 'rss-parser-fixtures', 'input');
  for (const name of await readdir(rssParser)) paths.push(join(rssParser, name));
  const miniflux = join(corpusDir, 'miniflux-feed-fixtures', 'feeds-realworld');
  for (const name of await readdir(miniflux)) paths.push(join(miniflux, name));
  return Promise.all(paths.sort().map(readBytes));
}

/**
 * Parses every feed with every parser, round after round, the parsers taking turns within a
 * round so that a noisy neighbour slows them alike. Peers get their string from the bytes
 * inside the timed region, as Newsdesk decodes its bytes inside it too.
 */
export async function measureSpeed(
  feeds: Buffer[],
  parsers: ParserUnderTest[],
  rounds: number,
): Promise<Map<string, Speed>> {
  const bytes = feeds.reduce((n, f) => n + f.length, 0);
  const results = new Map(parsers.map((p) => [p.name, { feeds: 0, bytes: 0, seconds: 0, errors: 0 }]));
  for (let round = 0; round <= rounds; round++) {
    for (const parser of parsers) {
      let errors = 0;
      collectGarbage();
      const start = process.hrtime.bigint();
      for (const feed of feeds) {
        try {
          await parser.parse(feed, {});
        } catch {
          errors++;
        }
      }
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      if (round === 0) continue; // warm-up: let the JIT see every parser's code first
      const r = results.get(parser.name)!;
      r.feeds += feeds.length;
      r.bytes += bytes;
      r.seconds += seconds;
      r.errors = errors;
    }
  }
  return results;
}
