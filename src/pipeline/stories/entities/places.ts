import { normaliseArabic } from '../../text/arabic.js';
import { gazetteer, type GazetteerPlace } from './gazetteer.js';
import { arabicWordForms, englishNameKey } from './place-names.js';

/** A gazetteer place found in text, with the characters it covers. */
export interface PlaceHit {
  place: GazetteerPlace;
  surface: string;
  start: number;
  end: number;
  lang: 'en' | 'ar';
}

/** Character ranges other evidence says something about (people's names, places compromise saw). */
export interface Span {
  start: number;
  end: number;
}

export interface EnglishPlaceContext {
  /** Names of people kept: a place name inside one is part of the name (Michael Jordan). */
  people: Span[];
  /** Everything read as a person's name: a place that is also a first or last name ("Houston") there is the person. */
  personSpans: Span[];
  /** Places compromise tagged from context: the evidence a common-word name needs ("in Nice, France"). */
  taggedPlaces: Span[];
}

interface Token {
  text: string;
  start: number;
  end: number;
}

const ENGLISH_WORD = /[\p{L}\p{N}]+(?:[.'’-][\p{L}\p{N}]+)*\.?/gu;
const UPPER_START = /^\p{Lu}/u;
const ONLY_SPACE = /^[ \t]+$/;

function tokens(text: string, pattern: RegExp): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(pattern))
    out.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  return out;
}

const inside = (spans: Span[], start: number, end: number) =>
  spans.some((s) => start >= s.start && end <= s.end);
const overlaps = (spans: Span[], start: number, end: number) =>
  spans.some((s) => start < s.end && end > s.start);

/**
 * English place names: capitalised phrases looked up in the gazetteer, longest first. Names of three
 * letters or fewer must be written in capitals (US, UK, UAE, not "Us"); names that are everyday words
 * need compromise to have tagged them as a place; names inside a person's name are skipped.
 */
export function findEnglishPlaces(text: string, context: EnglishPlaceContext): PlaceHit[] {
  const g = gazetteer();
  const words = tokens(text, ENGLISH_WORD);
  const hits: PlaceHit[] = [];
  for (let i = 0; i < words.length; i++) {
    if (!UPPER_START.test(words[i]!.text)) continue;
    const longest = g.englishFirstWords.has(englishNameKey(words[i]!.text)) ? g.maxEnglishWords : 1;
    for (let n = Math.min(longest, words.length - i); n >= 1; n--) {
      const phrase = words.slice(i, i + n);
      if (!phrase.every((w, j) => j === 0 || ONLY_SPACE.test(text.slice(phrase[j - 1]!.end, w.start))))
        continue;
      const key = englishNameKey(phrase.map((w) => w.text).join(' '));
      const place = g.english.get(key);
      if (!place) continue;
      const start = phrase[0]!.start;
      const end = phrase[n - 1]!.end;
      const surface = text.slice(start, end).replace(/(?:['’]s|\.)$/u, '');
      if (!acceptEnglish(place, key, surface, start, end, context)) continue;
      hits.push({ place, surface, start, end, lang: 'en' });
      i += n - 1;
      break;
    }
  }
  return hits;
}

function acceptEnglish(
  place: GazetteerPlace,
  key: string,
  surface: string,
  start: number,
  end: number,
  context: EnglishPlaceContext,
): boolean {
  if (
    key.replace(/\W/g, '').length <= 3 &&
    surface.replace(/[^\p{L}]/gu, '') !== surface.replace(/[^\p{L}]/gu, '').toUpperCase()
  )
    return false;
  if (inside(context.people, start, end)) return false;
  if (place.kind === 'country') return true;
  // A big place read as a lone first name ("Alexandria") is still the place; names of two words were excluded above.
  if (place.personName && !place.big && overlaps(context.personSpans, start, end)) return false;
  if (place.commonWord) return overlaps(context.taggedPlaces, start, end);
  return true;
}

const ARTICLE = '\u0627\u0644';
// Letters, tatweel and the combining vowel marks (\p{Mn}) that may sit on them.
const ARABIC_WORD = /[\u0621-\u064A\u0640](?:[\u0621-\u064A\u0640]|\p{Mn})*/gu;

/**
 * Arabic place names: words normalised (diacritics, hamza and ta marbuta folded), attached particles
 * removed (و ف ب ل ك, and لل for ل + ال), then phrases looked up in the gazetteer, longest first.
 */
export function findArabicPlaces(text: string): PlaceHit[] {
  const g = gazetteer();
  const raw = tokens(text, ARABIC_WORD);
  const words = raw.map((t) => normaliseArabic(t.text));
  const hits: PlaceHit[] = [];
  for (let i = 0; i < words.length; i++) {
    const forms = arabicWordForms(words[i]!);
    const longest = forms.some((f) => g.arabicFirstWords.has(f)) ? g.maxArabicWords : 1;
    let matched = 0;
    for (let n = Math.min(longest, words.length - i); n >= 1 && matched === 0; n--) {
      const rest = words.slice(i + 1, i + n).join(' ');
      for (const [f, form] of forms.entries()) {
        const place = g.arabic.get(n === 1 ? form : `${form} ${rest}`);
        if (!place) continue;
        // A stripped particle is a guess: short remainders must be countries (بمصر), not a city that is
        // also the rest of an everyday word (وكيل → كيل).
        if (f > 0 && n === 1 && !form.startsWith(ARTICLE) && form.length < 4 && place.kind !== 'country')
          continue;
        const start = raw[i]!.start;
        const end = raw[i + n - 1]!.end;
        hits.push({ place, surface: text.slice(start, end), start, end, lang: 'ar' });
        matched = n;
        break;
      }
    }
    if (matched > 0) i += matched - 1;
  }
  return hits;
}
