import { normaliseArabic } from '../../text/arabic.js';

/**
 * The forms place names are matched in. The gazetteer generator and the runtime lookup both use
 * these functions, so a name indexed at build time is found by the same key in text.
 */

const LATIN_MARKS = /\p{M}/gu;

/** English (Latin-script) key: diacritics folded, lower case, dots and possessive 's dropped, hyphens as spaces. */
export function englishNameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(LATIN_MARKS, '')
    .toLowerCase()
    .replace(/[’`]/g, "'")
    .replace(/'s$/, '')
    .replace(/\./g, '')
    .replace(/[^\p{L}\p{N}']+/gu, ' ')
    .trim();
}

const ARABIC_LETTERS = /[\u0621-\u064A]+/g;
const DEFINITE_ARTICLE = '\u0627\u0644'; // ال

/** Normalised Arabic words of a name or text span (letters only, orthography folded). */
export function arabicWords(text: string): string[] {
  return normaliseArabic(text).match(ARABIC_LETTERS) ?? [];
}

/** A word without its definite article, when at least three letters remain. */
export function withoutArticle(word: string): string {
  return word.startsWith(DEFINITE_ARTICLE) && word.length >= 5 ? word.slice(2) : word;
}

/** Arabic key of a name: its normalised words, definite article kept (الخليل is Hebron, خليل a first name). */
export function arabicNameKey(name: string): string {
  return arabicWords(name).join(' ');
}

// Conjunctions (و ف) and prepositions (ب ل ك) written joined to the next word, alone or stacked.
const PROCLITICS = [
  '\u0648',
  '\u0641',
  '\u0628',
  '\u0644',
  '\u0643',
  '\u0648\u0628',
  '\u0648\u0644',
  '\u0648\u0643',
  '\u0641\u0628',
  '\u0641\u0644',
];
const LAM = '\u0644';
const ALEF = '\u0627';

/**
 * The forms a normalised Arabic word may stand for once its attached particles are removed, the
 * unchanged word first: وبالقاهره → القاهره, ومصر → مصر, and للقاهره (ل + القاهره, the lam of the
 * preposition swallowing the alef of the article) → القاهره. Each form keeps at least three letters.
 * Forms after the first are guesses: a caller should trust short ones less (وكيل is not و + كيل, Kiel).
 */
export function arabicWordForms(word: string): string[] {
  const forms = [word];
  for (const proclitic of PROCLITICS) {
    if (!word.startsWith(proclitic)) continue;
    const rest = word.slice(proclitic.length);
    if (rest.length >= 3 && !forms.includes(rest)) forms.push(rest);
    if (proclitic.endsWith(LAM) && rest.startsWith(LAM) && !rest.startsWith(ALEF + LAM))
      forms.push(ALEF + rest);
  }
  return forms;
}
