// Feed parsing: conformance per suite (feedparser-tests, rss-parser-fixtures, miniflux-feed-fixtures)
// and speed, Newsdesk beside rss-parser and @rowanmanning/feed-parser in the same run. The corpus is
// read in place from NEWSDESK_CORPUS (default ../shared/corpus, relative to the project root).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { runFeedparserSuite, type Tally } from './parse/feedparser-suite.js';
import { runMinifluxSuite } from './parse/miniflux-suite.js';
import { allParsers } from './parse/peers.js';
import { runRssParserSuite } from './parse/rss-parser-suite.js';
import { loadConformanceFeeds, measureSpeed } from './parse/speed.js';

const corpus = resolve(process.env.NEWSDESK_CORPUS ?? '../shared/corpus');
const rounds = Number(process.env.NEWSDESK_BENCH_ROUNDS ?? 5);
const sets = ['feedparser-tests', 'rss-parser-fixtures', 'miniflux-feed-fixtures'];
const missing = sets.filter((s) => !existsSync(resolve(corpus, s)));
if (missing.length) {
  console.error(
    `The corpus sets ${missing.join(', ')} are not in ${corpus}. Set NEWSDESK_CORPUS to the folder that holds them.`,
  );
  process.exit(1);
}

const names = allParsers.map((p) => p.name);
const table: string[][] = [];

function emit(
  name: string,
  unit: string,
  values: Record<string, number>,
  goal?: string,
  detail?: Record<string, unknown>,
) {
  console.log(
    JSON.stringify({ bench: 'parse', name, unit, values, ...(goal ? { goal } : {}), ...(detail ?? {}) }),
  );
  table.push([name, ...names.map((n) => `${fmt(values[n] ?? NaN)} ${unit}`), goal ?? '']);
}
const rate = (t: Tally | undefined) => (t && t.total ? (100 * t.passed) / t.total : 0);
const rates = (scores: Map<string, Tally>) => Object.fromEntries(names.map((n) => [n, rate(scores.get(n))]));

const feedparser = await runFeedparserSuite(corpus, allParsers);
const ours = feedparser.scores.get('newsdesk')!;
emit(
  'feedparser-tests: applicable assertions passed',
  '%',
  Object.fromEntries(names.map((n) => [n, rate(feedparser.scores.get(n)!.overall)])),
  '>= 97% (newsdesk)',
  {
    assertions: ours.overall.total,
  },
);
// The well-formedness flag is most of the assertions; the rest, on their own, show the field mapping.
const withoutFlag = (name: string): Tally => {
  const score = feedparser.scores.get(name)!;
  const flag = score.byCategory.get('well-formedness flag') ?? { passed: 0, total: 0 };
  return { passed: score.overall.passed - flag.passed, total: score.overall.total - flag.total };
};
emit(
  'feedparser-tests: applicable assertions other than the well-formedness flag',
  '%',
  Object.fromEntries(names.map((n) => [n, rate(withoutFlag(n))])),
  undefined,
  {
    assertions: withoutFlag('newsdesk').total,
  },
);
for (const [category, tally] of [...ours.byCategory].sort((a, b) => b[1].total - a[1].total)) {
  const values = Object.fromEntries(
    names.map((n) => [n, rate(feedparser.scores.get(n)!.byCategory.get(category))]),
  );
  emit(`feedparser-tests: ${category} (${tally.total})`, '%', values);
}
for (const [reason, count] of feedparser.exclusions) {
  console.log(JSON.stringify({ bench: 'parse', excluded: reason, assertions: count }));
}

const rssParser = await runRssParserSuite(corpus, allParsers);
emit('rss-parser-fixtures: fields matching rss-parser output', '%', rates(rssParser), undefined, {
  checks: rssParser.get('newsdesk')!.total,
});

const miniflux = await runMinifluxSuite(corpus, allParsers);
emit('miniflux: charset cases decoded', '%', rates(miniflux.charset), '100% (newsdesk)', {
  cases: miniflux.charset.get('newsdesk')!.total,
});
emit('miniflux: real feeds parsed cleanly', '%', rates(miniflux.feeds), undefined, {
  feeds: miniflux.feeds.get('newsdesk')!.total,
});

const feeds = await loadConformanceFeeds(corpus);
const speed = await measureSpeed(feeds, allParsers, rounds);
const perSecond = (key: 'feeds' | 'bytes', scale = 1) =>
  Object.fromEntries(names.map((n) => [n, speed.get(n)![key] / scale / speed.get(n)!.seconds]));
const feedsPerSecond = perSecond('feeds');
const fastestPeer = Math.max(...names.filter((n) => n !== 'newsdesk').map((n) => feedsPerSecond[n]!));
emit('speed: conformance feeds parsed', 'feeds/s', feedsPerSecond, '>= 1.5x fastest peer', {
  feeds: feeds.length,
  rounds,
  errors: Object.fromEntries(names.map((n) => [n, speed.get(n)!.errors])),
});
emit('speed: conformance feeds parsed', 'MB/s', perSecond('bytes', 1e6));
emit('speed: newsdesk / fastest peer', 'x', { newsdesk: feedsPerSecond.newsdesk! / fastestPeer }, '>= 1.5');

console.log('\nExcluded feedparser-tests assertions (not applicable to the model):');
for (const [reason, count] of feedparser.exclusions) console.log(`  ${String(count).padStart(5)}  ${reason}`);
const header = ['measure', ...names, 'goal'];
const widths = header.map((h, i) => Math.max(h.length, ...table.map((r) => r[i]!.length)));
const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ');
console.log('\n' + line(header) + '\n' + widths.map((w) => '-'.repeat(w)).join('-|-'));
for (const row of table) console.log(line(row));
if (miniflux.failures.length) console.log(`\nnewsdesk miniflux failures: ${miniflux.failures.join(', ')}`);

function fmt(n: number): string {
  return Number.isNaN(n)
    ? 'n/a'
    : Math.abs(n) >= 100
      ? n.toFixed(0)
      : Math.abs(n) >= 10
        ? n.toFixed(1)
        : n.toFixed(2);
}
