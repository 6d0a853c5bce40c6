import { gazetteerRecords } from './gazetteer-data.js';
import { arabicNameKey, englishNameKey } from './place-names.js';
import type { PlaceKind } from './types.js';

/** A place of the shipped gazetteer. `key` is language-independent: `EG`, `city:360630`, `region:egc`. */
export interface GazetteerPlace {
  key: string;
  kind: PlaceKind;
  country: string;
  /** A country, a capital or a city of a million people or more: preferred when a name is ambiguous. */
  big: boolean;
  /** Its English name is also an everyday word ("Reading", "Mobile"): needs more evidence in text. */
  commonWord: boolean;
  /** Its English name is also a person's name ("Houston", "Jordan"). */
  personName: boolean;
  en: string;
  ar: string;
}

export interface Gazetteer {
  english: Map<string, GazetteerPlace>;
  arabic: Map<string, GazetteerPlace>;
  byKey: Map<string, GazetteerPlace>;
  /** Longest name in words, to bound the phrase lookups. */
  maxEnglishWords: number;
  maxArabicWords: number;
  /** First words of names of two words or more: longer phrases are tried only after one of these. */
  englishFirstWords: Set<string>;
  arabicFirstWords: Set<string>;
}

const KINDS: Record<string, PlaceKind> = { c: 'country', r: 'region', t: 'city' };

let loaded: Gazetteer | undefined;

/** The gazetteer, parsed on first use (about 8,000 places) and kept: it is immutable data. */
export function gazetteer(): Gazetteer {
  loaded ??= parse(gazetteerRecords);
  return loaded;
}

function parse(records: string): Gazetteer {
  const g: Gazetteer = {
    english: new Map(),
    arabic: new Map(),
    byKey: new Map(),
    maxEnglishWords: 1,
    maxArabicWords: 1,
    englishFirstWords: new Set(),
    arabicFirstWords: new Set(),
  };
  for (const line of records.split('\n')) {
    const [kindCode = '', id = '', country = '', flags = '', en = '', ar = '', enKeys = '', arKeys = ''] =
      line.split('\t');
    const kind = KINDS[kindCode];
    if (!kind) continue;
    const key = kind === 'country' ? id : `${kind}:${id}`;
    const place: GazetteerPlace = {
      key,
      kind,
      country,
      big: flags.includes('b'),
      commonWord: flags.includes('w'),
      personName: flags.includes('p'),
      en,
      ar,
    };
    g.byKey.set(key, place);
    for (const k of keysOf(enKeys, en, englishNameKey)) {
      g.english.set(k, place);
      const words = k.split(' ');
      if (words.length > 1) g.englishFirstWords.add(words[0]!);
      g.maxEnglishWords = Math.max(g.maxEnglishWords, words.length);
    }
    for (const k of keysOf(arKeys, ar, arabicNameKey)) {
      g.arabic.set(k, place);
      const words = k.split(' ');
      if (words.length > 1) g.arabicFirstWords.add(words[0]!);
      g.maxArabicWords = Math.max(g.maxArabicWords, words.length);
    }
  }
  return g;
}

function keysOf(field: string, display: string, keyOf: (name: string) => string): string[] {
  if (field === '-') return [];
  if (field === '') return display ? [keyOf(display)] : [];
  return field.split('|');
}
