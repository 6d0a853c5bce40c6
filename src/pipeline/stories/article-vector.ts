import { isStopWord } from '../text/stop-words.js';
import { contentTerms, contentTermsOf, properNames, words } from '../text/tokens.js';
import { positionsByIdAscending, positionsByRankDescending } from './rank-order.js';
import { indexOfId } from './term-ranking.js';
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
   * Who the article is about: of the people its lead names in full ("Ellen DeGeneres"), the one
   * the text names most often (at least twice), as the id of the surname's name term; -1 when
   * none. Two articles of one kind of event about different people differ here first.
   */
  subject: number;
  /** How often the text names the subject. */
  subjectMentions: number;
  /** How often the text names each one-word name, by position in `ids` (0 for other terms). */
  mentions: Uint16Array;
}

/** Characters of the body read for the people a lead names in full. */
export const SUBJECT_LEAD_CHARS = 200;
/** Mentions that make a person the subject of an article rather than a name met in passing. */
export const MIN_SUBJECT_MENTIONS = 2;

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
  const fullText = joinLines(title, article.text);
  const names = properNames(fullText);
  // One-word names are counted apart: they tell the person an article is about.
  const nameMentions = new Map<string, number>();
  for (const name of names) {
    add(NAME_PREFIX + name, weights.name);
    if (!name.includes(' ')) nameMentions.set(name, (nameMentions.get(name) ?? 0) + 1);
  }
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
    n > weights.maxTerms ? positionsByRankDescending(ranks, n, undefined, undefined, weights.maxTerms) : null;
  const order = positionsByIdAscending(ids, kept ?? n);
  const vector: SparseVector = {
    ids: new Uint32Array(order.length),
    weights: new Float32Array(order.length),
    terms: new Array<string>(order.length),
    subject: -1,
    subjectMentions: 0,
    mentions: new Uint16Array(order.length),
  };
  for (let i = 0; i < order.length; i++) {
    const term = terms[order[i]!]!;
    vector.ids[i] = ids[order[i]!]!;
    vector.weights[i] = raw[order[i]!]!;
    vector.terms[i] = term;
    if (term.charCodeAt(0) === 1) vector.mentions[i] = Math.min(65_535, nameMentions.get(term.slice(1)) ?? 0);
  }
  for (const person of leadPeople(article.text.slice(0, SUBJECT_LEAD_CHARS))) {
    const mentions = nameMentions.get(person.surname) ?? 0;
    if (mentions <= vector.subjectMentions || mentions < MIN_SUBJECT_MENTIONS) continue;
    if (!counts.has(NAME_PREFIX + person.surname) || !readsAsPerson(fullText, person)) continue;
    vector.subject = statistics.idOf(NAME_PREFIX + person.surname, true);
    vector.subjectMentions = mentions;
  }
  return vector;
}

/** How often a vector's text names a one-word name (by id). */
export function mentionsOf(vector: SparseVector, id: number): number {
  const at = indexOfId(vector.ids, id);
  return at < 0 ? 0 : vector.mentions[at]!;
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
 * A full name read in a lead: the name as written (without the titles before it), its last
 * word as written, and that word in lower case as name terms hold it.
 */
export interface LeadPerson {
  name: string;
  last: string;
  surname: string;
}

/**
 * The two- or three-word names in a lead ("Ellen DeGeneres", also when it opens a sentence;
 * "Interior Secretary Ken Salazar" without its title, "Los Angeles Angels" without its first
 * place word), skipping headline lines (where most words are capitalised, so capitals say
 * nothing about names) and names of places, institutions and titles.
 */
export function leadPeople(lead: string): LeadPerson[] {
  const out: LeadPerson[] = [];
  for (const line of lead.split('\n')) {
    const tokens = line.split(/\s+/).filter((t) => /\p{L}/u.test(t));
    const capitalised = tokens.filter((t) => /^\p{Lu}/u.test(t)).length;
    if (tokens.length === 0 || capitalised > tokens.length * 0.5) continue;
    for (const [run] of line.matchAll(CAPITALISED_RUN)) {
      const written = run.split(/\s+/);
      const words = written.map((part) => part.toLowerCase().replace(/['’]s$/, ''));
      let start = 0;
      while (start < words.length && isTitleWord(words[start]!.replace(/\.$/, ''))) start++;
      const parts = words.slice(start);
      if (parts.length < 2 || parts.length > 3) continue;
      if (parts.some((part) => NOT_PERSON_WORDS.has(part) || isStopWord(part))) continue;
      out.push({
        name: written.slice(start).join(' '),
        last: written[written.length - 1]!.replace(/['’]s$/, ''),
        surname: parts[parts.length - 1]!,
      });
    }
  }
  return out;
}

/**
 * True when a capitalised name in the lead reads as a person in the text: its last word is
 * never written in lower case ("Malaysia Airlines Flight": "the flight"), never after "the"
 * ("Indianapolis Colts": "the Colts", "Samsung Galaxy": "the Galaxy"), not in capitals (DUI),
 * and at least once on its own, as news names a person in full first and by surname after.
 */
export function readsAsPerson(text: string, person: LeadPerson): boolean {
  const { name, last, surname } = person;
  if (last === last.toUpperCase()) return false;
  if (wordCount(text, surname) > 0) return false;
  if (wordCount(text, `the ${last}`) > 0 || wordCount(text, `The ${last}`) > 0) return false;
  return wordCount(text, last) > wordCount(text, name);
}

/** Occurrences of `word` in `text` not inside a longer word (case-sensitive). */
function wordCount(text: string, word: string): number {
  let count = 0;
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length))
    if (!isLetter(text.charCodeAt(at - 1)) && !isLetter(text.charCodeAt(at + word.length))) count++;
  return count;
}

function isLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code > 127;
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
