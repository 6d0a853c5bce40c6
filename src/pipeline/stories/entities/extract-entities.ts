import { arabicDates, englishDates } from './dates.js';
import { findEnglishNames, type NameHit } from './english-names.js';
import { gazetteer } from './gazetteer.js';
import { englishNameKey } from './place-names.js';
import { findArabicPlaces, findEnglishPlaces, type PlaceHit } from './places.js';
import type { ArticleEntities, EntityMention, ExtractEntitiesOptions, PlaceMention } from './types.js';

// Bounds on the work per article: compromise costs most (about 15 ms per 1,000 characters on a shared
// 2-core machine), so it reads the title and the opening, where news names who and where; the gazetteer,
// the name patterns and the date scans are cheap and read further.
const NLP_CHARS = 1_000;
const SCAN_CHARS = 30_000;
const DATE_CHARS = 12_000;
const SCRIPT_SAMPLE_CHARS = 3_000;

const EMPTY: ArticleEntities = { people: [], organisations: [], places: [], dates: [] };

/**
 * People, organisations, places and dates an article names. English: compromise for people and
 * organisations, the gazetteer for places, chrono for dates. Arabic: the gazetteer for places and
 * Gregorian month names for dates (no people or organisations yet). Other scripts: nothing.
 * Never throws; cost is bounded whatever the length of the text.
 */
export function extractEntities(text: string, options: ExtractEntitiesOptions = {}): ArticleEntities {
  const full = options.title ? `${options.title}\n\n${text ?? ''}` : (text ?? '');
  const language = languageOf(full, options.lang);
  try {
    if (language === 'ar') return arabicEntities(full, options.published);
    if (language === 'en') return englishEntities(full, options.published);
  } catch {
    // A library failing on odd input must not stop ingestion: the article simply has no entities.
  }
  return { ...EMPTY };
}

function arabicEntities(text: string, published: Date | undefined): ArticleEntities {
  const scan = cut(text, SCAN_CHARS);
  return {
    people: [],
    organisations: [],
    places: placeMentions(findArabicPlaces(scan)),
    dates: arabicDates(scan, published),
  };
}

function englishEntities(text: string, published: Date | undefined): ArticleEntities {
  const g = gazetteer();
  const scan = cut(text, SCAN_CHARS);
  const names = findEnglishNames(scan, cut(scan, NLP_CHARS).length);
  // A lone "Jordan" that no full name in the article explains is the country, not a person.
  // Nor is "Santa Rosa" a person when the gazetteer knows it as a place.
  const people = mergePeople(names.people).filter((p) => {
    const place = g.english.get(englishNameKey(p.hit.name));
    return !place || (p.full && p.hit.name.includes(' ') && place.personName);
  });
  const organisations = names.organisations.filter(
    (o) => o.name.includes(' ') || !g.english.has(englishNameKey(o.name)),
  );
  const places = findEnglishPlaces(scan, {
    people: people.map((p) => p.hit),
    personSpans: names.personSpans,
    taggedPlaces: names.taggedPlaces,
  });
  return {
    people: group(people.map((p) => ({ key: p.key, name: p.display }))),
    organisations: group(organisations.map((o) => ({ key: organisationKey(o.name), name: o.name }))),
    places: placeMentions(places),
    dates: englishDates(cut(text, DATE_CHARS), published),
  };
}

interface PersonHit {
  hit: NameHit;
  key: string;
  display: string;
  /** Two words or more, or a single word explained by a full name in the article. */
  full: boolean;
}

/** "Barack Obama" … "Obama" … "Mr. Obama": one person when a single word is the first or last word of a full name. */
function mergePeople(hits: NameHit[]): PersonHit[] {
  const fullNames = hits.filter((h) => h.name.includes(' '));
  const counts = new Map<string, number>();
  for (const h of fullNames) counts.set(personKey(h.name), (counts.get(personKey(h.name)) ?? 0) + 1);
  const longest = new Map<string, string>();
  for (const h of fullNames) {
    const key = personKey(h.name);
    if ((longest.get(key)?.length ?? 0) < h.name.length) longest.set(key, h.name);
  }
  return hits.map((hit) => {
    const key = personKey(hit.name);
    if (hit.name.includes(' ')) return { hit, key, display: longest.get(key) ?? hit.name, full: true };
    const owner = [...counts.keys()]
      .filter((full) => {
        const words = full.split(' ');
        return words[words.length - 1] === key || words[0] === key;
      })
      .sort((a, b) => counts.get(b)! - counts.get(a)!)[0];
    return owner
      ? { hit, key: owner, display: longest.get(owner)!, full: true }
      : { hit, key, display: hit.name, full: false };
  });
}

function personKey(name: string): string {
  return foldLatin(name)
    .replace(/['’]s$/, '')
    .replace(/\./g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Organisation key: "The U.N. Security Council" and "UN Security Council" agree; company suffixes dropped. */
function organisationKey(name: string): string {
  return foldLatin(name)
    .replace(/\./g, '')
    .replace(/^the /, '')
    .replace(/,?\s+(?:inc|corp|corporation|ltd|plc|llc|co)$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function foldLatin(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Mentions grouped by key, shown by their most frequent surface form, most mentioned first. */
function group(items: Array<{ key: string; name: string }>): EntityMention[] {
  const byKey = new Map<string, { names: Map<string, number>; count: number }>();
  for (const { key, name } of items) {
    if (!key) continue;
    const entry = byKey.get(key) ?? { names: new Map(), count: 0 };
    entry.count++;
    entry.names.set(name, (entry.names.get(name) ?? 0) + 1);
    byKey.set(key, entry);
  }
  return [...byKey]
    .map(([key, { names, count }]) => ({ key, name: mostFrequent(names), count }))
    .sort((a, b) => b.count - a.count);
}

function placeMentions(hits: PlaceHit[]): PlaceMention[] {
  const byKey = new Map<string, PlaceMention>();
  for (const { place, lang } of hits) {
    const mention = byKey.get(place.key);
    if (mention) mention.count++;
    else {
      // The gazetteer's name in the article's language: surfaces carry particles (وبالقاهرة) or abbreviations (U.S.).
      const name = (lang === 'ar' ? place.ar : place.en) || place.en || place.ar;
      byKey.set(place.key, { name, key: place.key, count: 1, kind: place.kind, country: place.country });
    }
  }
  return [...byKey.values()].sort((a, b) => b.count - a.count);
}

export function mostFrequent(counts: Map<string, number>): string {
  let best = '';
  let bestCount = -1;
  for (const [name, count] of counts) {
    if (count > bestCount) [best, bestCount] = [name, count];
  }
  return best;
}

const ARABIC_LETTER = /[\u0621-\u064A]/g;
const LATIN_LETTER = /[A-Za-z\u00C0-\u024F]/g;

/** The language entities are read in: the declared one, else the script's ('other' when neither English nor Arabic). */
export function languageOf(text: string, lang: string | null | undefined): 'en' | 'ar' | 'other' {
  const declared = lang?.toLowerCase().slice(0, 2);
  if (declared === 'ar' || declared === 'en') return declared;
  if (declared) return 'other';
  const sample = text.slice(0, SCRIPT_SAMPLE_CHARS);
  const arabic = sample.match(ARABIC_LETTER)?.length ?? 0;
  const latin = sample.match(LATIN_LETTER)?.length ?? 0;
  if (arabic > latin) return 'ar';
  return latin > 0 ? 'en' : 'other';
}

/** The text up to a limit, cut at a space so that no word is split. */
function cut(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const space = text.lastIndexOf(' ', limit);
  return text.slice(0, space > limit * 0.8 ? space : limit);
}
