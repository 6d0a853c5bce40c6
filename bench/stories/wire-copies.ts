import { StoryClusterer } from '../../src/pipeline/stories/story-clusterer.js';
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
  samples: { original: string; members: { id: string; source: string; title: string; url: string }[] }[];
}

const WIRE_SOURCE = 'was'; // the Saudi Press Agency's source id in this corpus

/**
 * SaudiNewsNet (two days): all articles streamed in crawl order (the crawl time is the
 * first-seen time; sources have no publication time there), then the copy groups are read
 * back and checked: which include the wire, and whether the wire story was chosen as original.
 */
export function measureWireCopies(sampleSize = 20): WireCopyResult | null {
  const days = ['2015-08-10.json.gz', '2015-08-11.json.gz'].map((f) =>
    readCorpusGzip('saudinewsnet-arabic-sample', f),
  );
  if (days.some((d) => d === null)) return null;
  const articles = days.flatMap((d) => JSON.parse(d!) as SaudiArticle[]);
  articles.sort((a, b) => a.date_extracted.localeCompare(b.date_extracted));
  const clusterer = new StoryClusterer();
  const originals = new Map<string, string>();
  const byId = new Map<string, SaudiArticle>();
  articles.forEach((article, i) => {
    const id = `${article.source}:${i}`;
    byId.set(id, article);
    const result = clusterer.add({
      id,
      title: article.title,
      text: article.content,
      firstSeen: article.date_extracted.replace(' ', 'T') + '+03:00',
      source: article.source,
      url: article.url,
      lang: 'ar',
      byline: article.author,
    });
    if (result.original) for (const member of clusterer.copyGroup(id)) originals.set(member, result.original);
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
  return {
    articles: articles.length,
    wireArticles: articles.filter((a) => a.source === WIRE_SOURCE).length,
    wireGroups: wireGroups.length,
    allGroups: all.length,
    wireChosenShare: wireGroups.length === 0 ? 0 : wireChosen / wireGroups.length,
    samples,
  };
}
