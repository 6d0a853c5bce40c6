import { isStopWord } from '../text/stop-words.js';
import { contentTerms, contentTermsOf, properNames, words } from '../text/tokens.js';
import { positionsByIdAscending, positionsByRankDescending } from './rank-order.js';
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
  /**
   * Ids of the surnames of the full names (two or three words) in the lead: who the article is
   * about. Two articles of one kind of event about different people differ here first.
   */
  leadNames: Uint32Array;
}

const NAME_PREFIX = '\u0001';
// Words that make a capitalised name a place, an institution, an event or a title rather than
// a person: "Betty Ford Center", "Orange County", "Academy Awards", "Associated Press".
const NOT_PERSON_WORDS = new Set(
  `center centre clinic hospital university college school academy institute court county city town village state
  states beach springs island islands river lake mountain mount park street st road avenue square house hall palace
  church cathedral mosque temple press news times post herald tribune journal gazette daily radio tv television
  network channel company corp corporation inc ltd group bank fund agency association council committee commission
  ministry department office party army navy air force forces police guard club team league union federation museum
  theatre theater festival awards award prize cup championship series games olympics airport station port bay gulf
  sea ocean valley hills heights district province region republic kingdom united national international global world
  north south east west northern southern eastern western central new los san santa las el al saint saints fort
  president minister secretary senator governor mayor general chief director judge king queen prince princess
  pope sheriff officer dr mr mrs ms sir lord lady coach captain reserve act bill law report system service services
  monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
  september october november december`.split(/\s+/),
);
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
  const names = properNames(joinLines(title, article.text));
  for (const name of names) add(NAME_PREFIX + name, weights.name);
  for (const e of article.entities ?? []) add(NAME_PREFIX + e.toLowerCase(), weights.name);
  if (weights.leadNameBoost > 0)
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
  // The heaviest terms (ties in first-seen order), then by id; both orders by native sorts of
  // packed numbers, not comparators (sorting was a fifth of the cost of building a vector).
  const kept =
    n > weights.maxTerms ? positionsByRankDescending(ranks, n).subarray(0, weights.maxTerms) : null;
  const order = positionsByIdAscending(ids, kept ?? n);
  const vector: SparseVector = {
    ids: new Uint32Array(order.length),
    weights: new Float32Array(order.length),
    terms: new Array<string>(order.length),
    leadNames: new Uint32Array(0),
  };
  for (let i = 0; i < order.length; i++) {
    vector.ids[i] = ids[order[i]!]!;
    vector.weights[i] = raw[order[i]!]!;
    vector.terms[i] = terms[order[i]!]!;
  }
  const surnames = new Set<number>();
  for (const surname of leadSurnames(article.text.slice(0, weights.leadNameChars)))
    if (counts.has(NAME_PREFIX + surname)) surnames.add(statistics.idOf(NAME_PREFIX + surname, true));
  vector.leadNames = Uint32Array.from(surnames);
  return vector;
}

// A run of capitalised words (the first may be abbreviated: "Dr."). Titles and places written
// before a name belong to the run ("Interior Secretary Dirk Kempthorne", "Los Angeles Angels")
// and are stripped before reading it: the lead's subject is the person, or the team, after them.
const CAPITALISED_RUN =
  /(?<![\p{L}\p{N}])\p{Lu}[\p{L}\p{M}'’.-]*(?:\s+\p{Lu}[\p{L}\p{M}'’-]+){1,5}(?![\p{L}\p{N}])/gu;
/** Words that qualify a title before a name: "Interior Secretary", "Vice President", "former". */
const TITLE_QUALIFIERS = new Set(
  `interior foreign prime vice deputy attorney defence defense health finance home assistant executive manager
  former acting first lady lt sgt gen col rep sen gov rev prof`.split(/\s+/),
);

/**
 * Last words of the two- or three-word names in a lead ("Ellen DeGeneres", also when it opens
 * a sentence; "Interior Secretary Ken Salazar" without its title, "Los Angeles Angels" without
 * its first place word), skipping headline lines
 * (where most words are capitalised, so capitals say nothing about names) and names of places,
 * institutions and titles.
 */
function leadSurnames(lead: string): string[] {
  const out: string[] = [];
  for (const line of lead.split('\n')) {
    const tokens = line.split(/\s+/).filter((t) => /\p{L}/u.test(t));
    const capitalised = tokens.filter((t) => /^\p{Lu}/u.test(t)).length;
    if (tokens.length === 0 || capitalised > tokens.length * 0.5) continue;
    for (const [run] of line.matchAll(CAPITALISED_RUN)) {
      const words = run
        .toLowerCase()
        .split(/\s+/)
        .map((part) => part.replace(/['’]s$/, ''));
      let start = 0;
      while (start < words.length && isTitleWord(words[start]!.replace(/\.$/, ''))) start++;
      const parts = words.slice(start);
      if (parts.length < 2 || parts.length > 3) continue;
      if (parts.some((part) => NOT_PERSON_WORDS.has(part) || isStopWord(part))) continue;
      out.push(parts[parts.length - 1]!);
    }
  }
  return out;
}

function isTitleWord(word: string): boolean {
  return TITLE_QUALIFIERS.has(word) || NOT_PERSON_WORDS.has(word);
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
