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
  /**
   * Extra weight (times `name`) of a name in the title or the first `leadNameChars` characters
   * of the body: the lead names who and where the event is about, the rest of the text also
   * names people and places met in passing.
   */
  leadNameBoost: number;
  leadNameChars: number;
  /** Most terms kept per article, by weight, so a huge text has a bounded cost. */
  maxTerms: number;
}

export const defaultVectorWeights: VectorWeights = {
  title: 2,
  name: 3,
  leadWords: 20,
  lead: 2,
  maxTerms: 160,
  leadNameBoost: 3,
  leadNameChars: 300,
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
    : properNames(joinLines(title, article.text));
  for (const name of names) add(NAME_PREFIX + name, weights.name);
  if (!article.entities?.length && weights.leadNameBoost > 0)
    for (const name of properNames(joinLines(title, article.text.slice(0, weights.leadNameChars))))
      add(NAME_PREFIX + name, weights.name * weights.leadNameBoost);
  // Parallel arrays rather than an object per term: this runs for every article, and the
  // garbage of small objects was a tenth of the streaming cost.
  const size = counts.size;
  const ids = new Uint32Array(size);
  const raw = new Float32Array(size);
  const ranks = new Float32Array(size);
  const terms: string[] = [];
  const seen = new Set<number>();
  let n = 0;
  for (const [term, count] of counts) {
    const id = statistics.idOf(term, isKeyTerm(term));
    if (seen.has(id)) continue; // a hash collision inside one article: the first term keeps the id
    seen.add(id);
    ids[n] = id;
    raw[n] = 1 + Math.log(count);
    ranks[n] = raw[n]! * statistics.idf(id);
    terms.push(term);
    n++;
  }
  let order = Uint32Array.from({ length: n }, (_, i) => i);
  if (n > weights.maxTerms) order = order.sort((a, b) => ranks[b]! - ranks[a]!).subarray(0, weights.maxTerms);
  order.sort((a, b) => ids[a]! - ids[b]!);
  const vector: SparseVector = {
    ids: new Uint32Array(order.length),
    weights: new Float32Array(order.length),
    terms: new Array<string>(order.length),
  };
  for (let i = 0; i < order.length; i++) {
    vector.ids[i] = ids[order[i]!]!;
    vector.weights[i] = raw[order[i]!]!;
    vector.terms[i] = terms[order[i]!]!;
  }
  return vector;
}

/** Title and text as one text; without a title the text's first word still opens a sentence. */
function joinLines(title: string, text: string): string {
  return title ? `${title}\n${text}` : text;
}

/** Names and numbers: the terms that tell one event from another of the same kind. */
function isKeyTerm(term: string): boolean {
  const code = term.charCodeAt(0);
  if (code === 1) return true; // NAME_PREFIX
  if (code >= 48 && code <= 57) return true;
  return code > 127 && NUMBER.test(term);
}

/** True for the id of a name term (for showing evidence). */
export function isNameTerm(term: string): boolean {
  return term.startsWith(NAME_PREFIX);
}

/** A term as a person reads it. */
export function displayTerm(term: string): string {
  return isNameTerm(term) ? term.slice(1) : term;
}
