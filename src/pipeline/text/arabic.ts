/**
 * Arabic orthographic normalisation, so that spellings a reader treats as the same word
 * compare equal: diacritics (harakat, U+064B–U+065F, superscript alef U+0670) and tatweel
 * (U+0640) removed; hamza-carrying alef forms folded to bare alef; alef maqsura to ya;
 * ta marbuta to ha. This is what search indexes and queries, and what duplicate detection
 * compares; the stored article keeps its original spelling.
 */
const DIACRITICS_AND_TATWEEL = /[\u064B-\u065F\u0670\u0640]/g;
const ALEF_FORMS = /[\u0622\u0623\u0625\u0671]/g; // آ أ إ ٱ
const ALEF_MAQSURA = /\u0649/g; // ى
const TA_MARBUTA = /\u0629/g; // ة
const ARABIC = /[\u0600-\u06FF]/;

export function normaliseArabic(text: string): string {
  if (!ARABIC.test(text)) return text;
  return text
    .replace(DIACRITICS_AND_TATWEEL, '')
    .replace(ALEF_FORMS, '\u0627')
    .replace(ALEF_MAQSURA, '\u064A')
    .replace(TA_MARBUTA, '\u0647');
}

// The definite article and the one-letter conjunctions/prepositions that attach before it:
// ال، وال، بال، كال، فال، لل. Longest first so that وال is stripped whole.
const ARTICLE_PREFIXES = ['\u0648\u0627\u0644', '\u0628\u0627\u0644', '\u0643\u0627\u0644', '\u0641\u0627\u0644', '\u0627\u0644', '\u0644\u0644'];

/**
 * The word without its definite-article prefix (الميزانيه → ميزانيه), or null when it has
 * none. Only strips when at least three letters remain, so short words are not mangled.
 * Expects normalised input.
 */
export function stripArabicArticle(word: string): string | null {
  for (const prefix of ARTICLE_PREFIXES) {
    if (word.startsWith(prefix) && word.length - prefix.length >= 3) return word.slice(prefix.length);
  }
  return null;
}
