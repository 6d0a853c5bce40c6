import { contentTerms, contentTermsOf, properNames, words } from '../text/tokens.js';
import type { TermStatistics } from './term-statistics.js';

/** How an article's words are weighed into the vector the clusterer compares. */
export interface VectorWeights {
  /** Extra weight of a title word over a body word. */
  title: number;
  /** Extra weight of a name (capitalised words, or entities from extraction): names tell events apart. */
  name: number;
  /** Words at the start of the body that weigh like the title: the lead says what happened. */
  leadWords: number;
  /** Extra weight of a lead word. */
  lead: number;
  /** Most terms kept per article, by weight, so a huge text has a bounded cost. */
  maxTerms: number;
}

export const defaultVectorWeights: VectorWeights = {
  title: 2,
  name: 3,
  leadWords: 20,
  lead: 2,
  maxTerms: 160,
};

/** A sparse vector of term ids and raw (not yet IDF-weighted) weights, ids sorted ascending. */
export interface SparseVector {
  ids: Uint32Array;
  weights: Float32Array;
  /** The term behind each id, for showing evidence. */
  terms: string[];
}

const NAME_PREFIX = '\u0001';
const NUMBER = /^\p{N}/u;

/**
 * The article as weighted terms: content words of title and body (sublinear term frequency),
 * plus its names as separate terms so that "Lohan" in two texts counts beyond a shared
 * word. IDF is applied at comparison time, so the vector stays valid as statistics grow.
 */
export function articleVector(
  article: { title?: string; text: string; entities?: string[] },
  statistics: TermStatistics,
  weights: VectorWeights = defaultVectorWeights,
  textWords: readonly string[] = words(article.text),
): SparseVector {
  // Weights are summed per term string first, so the vocabulary is consulted once per distinct term.
  const counts = new Map<string, number>();
  const add = (term: string, weight: number) => counts.set(term, (counts.get(term) ?? 0) + weight);
  const title = article.title ?? '';
  for (const term of contentTerms(title)) add(term, weights.title);
  const body = contentTermsOf(textWords);
  for (let i = 0; i < body.length; i++) add(body[i]!, i < weights.leadWords ? weights.lead : 1);
  const names = article.entities?.length
    ? article.entities.map((e) => e.toLowerCase())
    : properNames(`${title}\n${article.text}`);
  for (const name of names) add(NAME_PREFIX + name, weights.name);
  const entries: { id: number; weight: number; rank: number; term: string }[] = [];
  const seen = new Set<number>();
  for (const [term, count] of counts) {
    const id = statistics.idOf(term, term.startsWith(NAME_PREFIX) || NUMBER.test(term));
    if (seen.has(id)) continue; // a hash collision inside one article: the first term keeps the id
    seen.add(id);
    const weight = 1 + Math.log(count);
    entries.push({ id, weight, rank: weight * statistics.idf(id), term });
  }
  if (entries.length > weights.maxTerms) {
    entries.sort((a, b) => b.rank - a.rank);
    entries.length = weights.maxTerms;
  }
  entries.sort((a, b) => a.id - b.id);
  return {
    ids: Uint32Array.from(entries, (e) => e.id),
    weights: Float32Array.from(entries, (e) => e.weight),
    terms: entries.map((e) => e.term),
  };
}

/** True for the id of a name term (for showing evidence). */
export function isNameTerm(term: string): boolean {
  return term.startsWith(NAME_PREFIX);
}

/** A term as a person reads it. */
export function displayTerm(term: string): string {
  return isNameTerm(term) ? term.slice(1) : term;
}
