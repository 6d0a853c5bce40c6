import { StoryClusterer } from '../../src/pipeline/stories/story-clusterer.js';
import { containment, jaccard } from '../../src/pipeline/text/containment.js';
import { shingleHashes } from '../../src/pipeline/text/shingles.js';
import { words } from '../../src/pipeline/text/tokens.js';
import { readCorpusGzip } from './corpus.js';

/** One article of the SaudiNewsNet sample, as its files hold it. */
export interface SaudiArticle {
  source: string;
  url: string;
  date_extracted: string;
  title: string;
  content: string;
  author: string;
}

export interface WireCopyResult {
  articles: number;
  wireArticles: number;
  /** Copy groups holding at least one wire (SPA) article and at least one newspaper article. */
  wireGroups: number;
  /** Copy groups of any kind. */
  allGroups: number;
  /** Share of wire groups whose chosen original is a wire article. */
  wireChosenShare: number;
  /**
   * Wire-to-paper pairs that are copies by exact all-pairs comparison (the smaller text's word
   * 3-grams at least 70% in the larger, or Jaccard at least 0.5), and how many of them the
   * stream put in one copy group.
   */
  exactCopyPairs: number;
  exactCopyPairsFound: number;
  /** Copy links the stream made (an article and the earlier one it copies), and how many of them exact comparison finds under half contained. */
  copyLinks: number;
  falseCopyLinks: number;
  samples: { original: string; members: { id: string; source: string; title: string; url: string }[] }[];
  /** Stories the stream formed, and the articles in the largest: one story of unrelated reports shows here. */
  stories: number;
  largestStory: number;
}

const WIRE_SOURCE = 'was'; // the Saudi Press Agency's source id in this corpus

/**
 * SaudiNewsNet (two days): all articles streamed in crawl order (the crawl time is the
 * first-seen time; sources have no publication time there), then the copy groups are read
 * back and checked: which include the wire, and whether the wire story was chosen as original.
 * The crawler visited each source about once a day, so a first-seen time only says that the
 * article appeared since the previous visit: each source's polling interval is passed as the
 * running system passes its own.
 */
export function measureWireCopies(sampleSize = 20): WireCopyResult | null {
  const days = ['2015-08-10.json.gz', '2015-08-11.json.gz'].map((f) =>
    readCorpusGzip('saudinewsnet-arabic-sample', f),
  );
  if (days.some((d) => d === null)) return null;
  const articles = days.flatMap((d) => JSON.parse(d!) as SaudiArticle[]);
  articles.sort((a, b) => a.date_extracted.localeCompare(b.date_extracted));
  const pollIntervals = crawlIntervals(articles);
  const clusterer = new StoryClusterer();
  const originals = new Map<string, string>();
  const byId = new Map<string, SaudiArticle>();
  const copyLinks: [number, number][] = [];
  const indexOfId = new Map<string, number>();
  articles.forEach((article, i) => {
    const id = `${article.source}:${i}`;
    byId.set(id, article);
    indexOfId.set(id, i);
    const result = clusterer.add({
      id,
      title: article.title,
      text: article.content,
      firstSeen: article.date_extracted.replace(' ', 'T') + '+03:00',
      source: article.source,
      pollIntervalMinutes: pollIntervals.get(article.source),
      url: article.url,
      lang: 'ar',
      byline: article.author,
    });
    if (result.original) for (const member of clusterer.copyGroup(id)) originals.set(member, result.original);
    if (result.duplicateOf) copyLinks.push([i, indexOfId.get(result.duplicateOf)!]);
  });
  const groups = new Map<string, string[]>();
  for (const id of originals.keys()) {
    const members = clusterer.copyGroup(id);
    groups.set([...members].sort().join('|'), members);
  }
  const all = [...groups.values()].filter((members) => members.length > 1);
  const sourceOf = (id: string) => byId.get(id)!.source;
  const wireGroups = all.filter(
    (m) => m.some((id) => sourceOf(id) === WIRE_SOURCE) && m.some((id) => sourceOf(id) !== WIRE_SOURCE),
  );
  const wireChosen = wireGroups.filter((m) => sourceOf(originals.get(m[0]!)!) === WIRE_SOURCE).length;
  const step = Math.max(1, Math.floor(wireGroups.length / sampleSize));
  const samples = wireGroups
    .filter((_, i) => i % step === 0)
    .slice(0, sampleSize)
    .map((members) => ({
      original: originals.get(members[0]!)!,
      members: members.map((id) => ({
        id,
        source: sourceOf(id),
        title: byId.get(id)!.title.trim().slice(0, 70),
        url: byId.get(id)!.url,
      })),
    }));
  const sets = articles.map((a) => shingleHashes(words(a.content)));
  const exact = exactWireCopyPairs(articles, sets, (i, j) =>
    clusterer.copyGroup(`${articles[i]!.source}:${i}`).includes(`${articles[j]!.source}:${j}`),
  );
  return {
    articles: articles.length,
    wireArticles: articles.filter((a) => a.source === WIRE_SOURCE).length,
    wireGroups: wireGroups.length,
    allGroups: all.length,
    wireChosenShare: wireGroups.length === 0 ? 0 : wireChosen / wireGroups.length,
    exactCopyPairs: exact.pairs,
    exactCopyPairsFound: exact.found,
    copyLinks: copyLinks.length,
    falseCopyLinks: copyLinks.filter(([i, j]) => smallerContained(sets[i]!, sets[j]!) < 0.5).length,
    samples,
    ...storySizes([...byId.keys()].map((id) => clusterer.storyOf(id) ?? id)),
  };
}

function storySizes(stories: string[]): { stories: number; largestStory: number } {
  const sizes = new Map<string, number>();
  for (const story of stories) sizes.set(story, (sizes.get(story) ?? 0) + 1);
  return { stories: sizes.size, largestStory: Math.max(0, ...sizes.values()) };
}

/**
 * Minutes between a source's first crawl on one day and on the next: how often the crawler
 * polled it. A source crawled on one day only gets the median of the others.
 */
function crawlIntervals(articles: readonly SaudiArticle[]): Map<string, number> {
  const firstCrawls = new Map<string, Map<string, number>>();
  for (const article of articles) {
    const time = Date.parse(article.date_extracted.replace(' ', 'T') + '+03:00');
    const day = article.date_extracted.slice(0, 10);
    const days = firstCrawls.get(article.source) ?? new Map<string, number>();
    days.set(day, Math.min(days.get(day) ?? Infinity, time));
    firstCrawls.set(article.source, days);
  }
  const intervals = new Map<string, number>();
  for (const [source, days] of firstCrawls) {
    const times = [...days.values()].sort((a, b) => a - b);
    if (times.length > 1) intervals.set(source, (times[1]! - times[0]!) / 60_000);
  }
  const known = [...intervals.values()].sort((a, b) => a - b);
  const median = known[Math.floor(known.length / 2)] ?? 24 * 60;
  for (const source of firstCrawls.keys()) if (!intervals.has(source)) intervals.set(source, median);
  return intervals;
}

/** The exact peer: every wire article against every paper's, on exact word 3-gram sets. */
function exactWireCopyPairs(
  articles: readonly SaudiArticle[],
  sets: readonly Uint32Array[],
  sameGroup: (i: number, j: number) => boolean,
): { pairs: number; found: number } {
  let pairs = 0;
  let found = 0;
  for (let i = 0; i < articles.length; i++) {
    if (articles[i]!.source !== WIRE_SOURCE || sets[i]!.length < 20) continue;
    for (let j = 0; j < articles.length; j++) {
      if (articles[j]!.source === WIRE_SOURCE || sets[j]!.length < 20) continue;
      if (smallerContained(sets[i]!, sets[j]!) < 0.7 && jaccard(sets[i]!, sets[j]!) < 0.5) continue;
      pairs++;
      if (sameGroup(i, j)) found++;
    }
  }
  return { pairs, found };
}

/** Containment of the smaller of two exact shingle sets in the larger. */
function smallerContained(a: Uint32Array, b: Uint32Array): number {
  return a.length <= b.length ? containment(a, b) : containment(b, a);
}
