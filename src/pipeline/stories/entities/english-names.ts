import nlp from 'compromise';
import type { Span } from './places.js';

/** A name found in text, cleaned, with the characters it covers. */
export interface NameHit {
  name: string;
  start: number;
  end: number;
}

export interface EnglishNames {
  people: NameHit[];
  /** Everything compromise read as a person's name, kept or not: a place named like a person there is the person. */
  personSpans: Span[];
  organisations: NameHit[];
  /** What compromise tagged as places: evidence for gazetteer names that are also everyday words. */
  taggedPlaces: Span[];
}

interface Term {
  text: string;
  pre: string;
  post: string;
  tags: string[];
  offset: { start: number; length: number };
}
interface Match {
  terms: Term[];
  offset: { start: number; length: number };
}

// Titles and honorifics that stand before a name but are not part of it.
const TITLES = new Set(
  `mr mrs ms miss dr prof professor sir dame lord lady president vice prime minister secretary senator sen rep
  representative gov governor mayor king queen prince princess crown sheikh shaikh emir sultan pope saint st
  gen general col colonel lt lieutenant capt captain sgt sergeant maj major adm admiral judge justice chancellor
  premier ambassador chief chairman chairwoman ceo director officer coach rev reverend father brother sister
  former late deputy acting foreign interior defence defense finance`.split(/\s+/),
);
// Names compromise reads as people that are storms, streets or landmarks.
const NOT_PERSON_HEADS = new Set([
  'hurricane',
  'storm',
  'typhoon',
  'cyclone',
  'tropical',
  'rue',
  'avenue',
  'street',
  'mount',
  'lake',
  'fort',
  'camp',
]);
// Words that may stand inside an organisation's name without a capital.
const CONNECTORS = new Set(['of', 'for', 'and', 'the', '&', 'de', 'du', 'on', 'al']);
// "<...> Ministry of Health", "Bank of England": compromise often stops at "of".
const ORGANISATION_OF =
  /(?:\b\p{Lu}[\p{L}'’-]*\s+){0,3}\b(?:Ministry|Department|Bank|University|Council|Court|Agency|Organi[sz]ation|Commission|Party|Association|Authority|Office|Institute|Federation|Foundation|League|Committee|Union|Church|Academy|Board|Bureau|Society|Fund|Assembly|Parliament|Chamber|Army|Navy|College|School|Museum|Corporation|Company)\s+(?:of|for)\s+(?:the\s+)?\p{Lu}[\p{L}'’-]*(?:\s+(?:and\s+)?\p{Lu}[\p{L}'’-]*)*/gu;

const UPPER_START = /^[\p{Lu}\p{N}]/u;
const BREAK = /[,;:()"“”«»\-–—|/]/;

/**
 * People and organisations of an English text, cleaned of titles, possessives and punctuation.
 * compromise, the costly part, reads only the first `nlpChars` characters (the title and lead, where
 * news names who is involved); cheap patterns read the whole text: names after a role ("minister
 * Sameh Shoukry"), "X of Y" organisations, and later mentions by surname of people already found.
 */
export function findEnglishNames(text: string, nlpChars = text.length): EnglishNames {
  const doc = nlp(text.slice(0, nlpChars));
  const json = (view: { json: (o: object) => unknown }) =>
    view.json({ offset: true, terms: { offset: true } }) as Match[];
  const matches = json(doc.people());
  const personSpans = matches.map((m) => ({ start: m.offset.start, end: m.offset.start + m.offset.length }));
  const people = mergeSpans([
    ...matches.flatMap((m) => cleanPerson(text, m.terms)),
    ...namesAfterRoles(text),
  ]);
  const surnames = new Set(people.map((p) => p.name.split(' ').pop()!.toLowerCase()));
  const found = json(doc.organizations()).map((m) => cleanOrganisation(text, m.terms, surnames));
  // compromise sometimes reads "President Barack Obama's administration" as an organisation.
  people.push(...found.flatMap((f) => f.people));
  people.push(...laterSurnames(text, people));
  const organisations = mergeSpans([
    ...found.flatMap((f) => f.organisations),
    ...[...text.matchAll(ORGANISATION_OF)].map((m) => hit(text, m.index, m.index + m[0].length)),
  ]).filter((o) => !overlapsAny(people, o) && (o.name.includes(' ') || isNameWord(o.name)));
  const taggedPlaces = json(doc.places()).map((m) => ({
    start: m.offset.start,
    end: m.offset.start + m.offset.length,
  }));
  return { people, personSpans, organisations, taggedPlaces };
}

function cleanPerson(text: string, terms: Term[]): NameHit[] {
  let kept = terms.filter(
    (t) => UPPER_START.test(t.text) && !t.tags.includes('Honorific') && !isTitle(t.text),
  );
  if (NOT_PERSON_HEADS.has(bare(kept[0]?.text ?? ''))) return [];
  // A break inside the match (a comma, a dash) means compromise ran two things together: keep the last name.
  const lastBreak = kept.findLastIndex((t, i) => i < kept.length - 1 && BREAK.test(t.post));
  if (lastBreak >= 0) kept = kept.slice(lastBreak + 1);
  if (kept.length === 0) return [];
  // A lone first name ("Oscar", "Adam") is too often an award, a film or a brand to stand for a person.
  if (kept.length === 1 && kept[0]!.tags.includes('FirstName') && !kept[0]!.tags.includes('LastName'))
    return [];
  const name = hit(text, kept[0]!.offset.start, end(kept[kept.length - 1]!));
  if (name.name.length < 3 || kept.length > 4) return [];
  return [name];
}

// "foreign minister Sameh Shoukry", "spokesman John Kirby": compromise misses names it has never seen.
const NAME_AFTER_ROLE =
  /\b(?:minister|spokesman|spokeswoman|spokesperson|president|secretary|ambassador|envoy|chief|director|leader|official|commander|general|judge|mayor|governor|chairman|chairwoman|king|prince|sheikh|emir|senator|lawmaker|coach|striker|midfielder|actor|actress|singer)\s+(\p{Lu}[\p{Ll}'’-]+(?:\s+\p{Lu}[\p{Ll}'’-]+){1,2})/gu;

function namesAfterRoles(text: string): NameHit[] {
  return [...text.matchAll(NAME_AFTER_ROLE)].map((m) => {
    const start = m.index + m[0].length - m[1]!.length;
    return hit(text, start, start + m[1]!.length);
  });
}

/** Later mentions by surname alone ("Shoukry said") of people named in full earlier. */
function laterSurnames(text: string, people: NameHit[]): NameHit[] {
  const surnames = new Set(people.filter((p) => p.name.includes(' ')).map((p) => p.name.split(' ').pop()!));
  const out: NameHit[] = [];
  for (const surname of surnames) {
    if (!/^\p{Lu}[\p{L}'’-]{2,}$/u.test(surname)) continue;
    for (const m of text.matchAll(new RegExp(`(?<![\\p{L}])${surname}(?![\\p{L}])`, 'gu'))) {
      const h = { name: surname, start: m.index, end: m.index + surname.length };
      if (!people.some((p) => h.start < p.end && h.end > p.start)) out.push(h);
    }
  }
  return out;
}

/** Runs of capitalised words in an organisation match; a run holding a known surname is a person instead. */
function cleanOrganisation(
  text: string,
  terms: Term[],
  surnames: Set<string>,
): { organisations: NameHit[]; people: NameHit[] } {
  const organisations: NameHit[] = [];
  const people: NameHit[] = [];
  let run: Term[] = [];
  const flush = () => {
    while (run.length > 0 && CONNECTORS.has(bare(run[run.length - 1]!.text))) run.pop();
    while (run.length > 0 && (CONNECTORS.has(bare(run[0]!.text)) || isTitle(run[0]!.text))) run.shift();
    const surname = run.findIndex((t) => surnames.has(bare(t.text)));
    if (surname >= 0) people.push(...cleanPerson(text, run.slice(0, surname + 1)));
    else if (run.length > 0) organisations.push(hit(text, run[0]!.offset.start, end(run[run.length - 1]!)));
    run = [];
  };
  for (const term of terms) {
    if (BREAK.test(term.pre)) flush();
    if (UPPER_START.test(term.text) || (run.length > 0 && CONNECTORS.has(bare(term.text)))) run.push(term);
    else flush();
    if (BREAK.test(term.post)) flush();
  }
  flush();
  return { organisations, people };
}

/** The name between two offsets without a trailing possessive or full stop. */
function hit(text: string, start: number, stop: number): NameHit {
  const raw = text.slice(start, stop);
  const name = raw
    .replace(/(?:['’]s?|[.,;:])+$/u, '')
    .replace(/^the\s+/i, '')
    .replace(/\s+/g, ' ');
  return { name, start, end: start + raw.length - (raw.length - raw.trimEnd().length) };
}

// One-word "organisations" that are the generic head of a name compromise cut short ("the Department").
const GENERIC_ORGANISATION_WORDS = new Set(
  `department ministry office commerce council committee court agency center centre service university police army
  government parliament congress senate administration board bureau commission authority union league party group
  company corporation bank school hospital church internet tv ceo gdp`.split(/\s+/),
);
const DEMONYM_ENDING = /(?:ian|ean|ese|ish)$/;

/** A one-word organisation must be a name (NATO, Google, Reuters), not an everyday word (Department, Greek). */
function isNameWord(word: string): boolean {
  const lower = word.toLowerCase();
  const letters = word.replace(/[^\p{L}]/gu, '');
  if (letters.length < 2 || GENERIC_ORGANISATION_WORDS.has(lower)) return false;
  const entry = (nlp.model() as { one: { lexicon: Record<string, string | string[]> } }).one.lexicon[lower];
  const tags = entry === undefined ? [] : Array.isArray(entry) ? entry : [entry];
  if (tags.includes('Organization')) return true;
  if (tags.length > 0 || DEMONYM_ENDING.test(lower)) return letters === letters.toUpperCase();
  return true;
}

function end(term: Term): number {
  return term.offset.start + term.offset.length;
}

/** "President", "Mr.", "President-elect", "ex-Minister". */
function isTitle(word: string): boolean {
  return bare(word)
    .split('-')
    .some((part) => TITLES.has(part) || part === 'elect' || part === 'ex');
}

function bare(word: string): string {
  return word
    .toLowerCase()
    .replace(/[.'’]+$/u, '')
    .replace(/['’]s$/u, '');
}

/** Overlapping hits become the longest of them. */
function mergeSpans(hits: NameHit[]): NameHit[] {
  const sorted = [...hits].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: NameHit[] = [];
  for (const h of sorted) {
    const last = out[out.length - 1];
    if (last && h.start < last.end) {
      if (h.end - h.start > last.end - last.start) out[out.length - 1] = h;
    } else out.push(h);
  }
  return out;
}

function overlapsAny(spans: NameHit[], h: NameHit): boolean {
  return spans.some((s) => h.start < s.end && h.end > s.start && h.end - h.start <= s.end - s.start);
}
