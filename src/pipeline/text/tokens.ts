import { stripArabicArticle } from './arabic.js';
import { normaliseText } from './normalise.js';
import { isStopWord } from './stop-words.js';

/** Runs of letters and digits of any script ("g7", "mh370"); a number keeps its inner separators (4,400 or 3.5). */
const WORD = /\p{N}+(?:[.,]\p{N}+)*(?![\p{L}\p{M}])|[\p{L}\p{M}\p{N}]+/gu;

/** Longest text considered, so an enormous input has a bounded cost. */
export const MAX_TEXT_CHARS = 200_000;

/** Scripts written without spaces between words: their runs are cut into character pairs instead. */
const UNSPACED =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

/** Normalised words of a text, in order, stop words included. */
export function words(text: string): string[] {
  const found = normaliseText(text.slice(0, MAX_TEXT_CHARS)).match(WORD) ?? [];
  if (!found.some((word) => word.length > 2 && UNSPACED.test(word))) return found;
  return found.flatMap((word) => (word.length > 2 && UNSPACED.test(word) ? characterPairs(word) : [word]));
}

function characterPairs(run: string): string[] {
  const chars = [...run];
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  return out;
}

/**
 * The words that carry content: stop words and one-letter words dropped, Arabic words
 * without their definite-article prefix, numbers without thousands separators.
 */
export function contentTerms(text: string): string[] {
  return contentTermsOf(words(text));
}

/** contentTerms for words already split by `words`, so a caller that has them does not split again. */
export function contentTermsOf(list: readonly string[]): string[] {
  const out: string[] = [];
  for (const word of list) {
    if (isStopWord(word)) continue;
    const numeric = startsWithDigit(word);
    const term = numeric
      ? word.replace(/,/g, '')
      : ((isArabicLetter(word.charCodeAt(0)) ? stripArabicArticle(word) : null) ?? word);
    if (term.length < 2 && !numeric) continue;
    out.push(term);
  }
  return out;
}

/** The Arabic block: only words starting there can carry the Arabic definite article. */
function isArabicLetter(code: number): boolean {
  return code >= 0x0600 && code <= 0x06ff;
}

/** Same as /^\p{N}/u, with the common ASCII case answered without a regular expression (a hot path). */
function startsWithDigit(word: string): boolean {
  const code = word.charCodeAt(0);
  if (code >= 48 && code <= 57) return true;
  return code > 127 && /^\p{N}/u.test(word);
}

// Capitalised in English but not names: they recur in every story and would tie unrelated events together.
const NOT_NAMES = new Set(
  `monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september
  october november december jan feb mar apr jun jul aug sep sept oct nov dec today yesterday tomorrow`.split(
    /\s+/,
  ),
);

const CAPITALISED = /^\p{Lu}[\p{L}\p{M}'’.-]*$/u;
const NON_ASCII = /[\u0080-\uffff]/;
const codes = (chars: string) => new Set([...chars].map((c) => c.charCodeAt(0)));
/** Last characters of a word that ends a sentence ("\n" stands for the start of the text). */
const SENTENCE_END = codes('.!?:;"“”»\n');
/** Last characters of a word after which a run of names stops. */
const CLAUSE_END = codes(',.!?:;)');
const OPENING_QUOTES = codes('("\'“‘`');
const CLOSING_QUOTES = codes(')"\'”’,.!?:;');

/**
 * Capitalised words that do not open a sentence, lower-cased: a cheap, fast stand-in for
 * names of people, organisations and places in Latin-script text. Runs of them are joined
 * ("betty ford center"), and each word is kept on its own as well.
 */
export function properNames(text: string): string[] {
  const cut = text.slice(0, MAX_TEXT_CHARS);
  // NFKC leaves ASCII as it is, and most texts are all ASCII: the scan is cheaper than normalising.
  const raw = (NON_ASCII.test(cut) ? cut.normalize('NFKC') : cut).split(/\s+/);
  const out: string[] = [];
  let run: string[] = [];
  let previous = '\n';
  const flush = () => {
    if (run.length > 1) out.push(run.join(' '));
    run = [];
  };
  // Character tests instead of regular expressions per token: this runs over every word of
  // every article, twice.
  for (const token of raw) {
    const bare = withoutQuotes(token);
    const opensSentence = SENTENCE_END.has(previous.charCodeAt(previous.length - 1));
    if (bare && isCapitalised(bare) && !opensSentence) {
      const word = bare.toLowerCase();
      if (!isStopWord(word) && !NOT_NAMES.has(word)) {
        run.push(word);
        out.push(word);
      } else flush();
    } else flush();
    if (CLAUSE_END.has(token.charCodeAt(token.length - 1))) flush();
    previous = token;
  }
  flush();
  return out;
}

/** The token without opening brackets and quotes, then without closing ones and punctuation. */
function withoutQuotes(token: string): string {
  let start = 0;
  let end = token.length;
  while (start < end && OPENING_QUOTES.has(token.charCodeAt(start))) start++;
  while (end > start && CLOSING_QUOTES.has(token.charCodeAt(end - 1))) end--;
  return start === 0 && end === token.length ? token : token.slice(start, end);
}

/** Same as CAPITALISED, with the common ASCII non-capital first letter answered without it. */
function isCapitalised(word: string): boolean {
  const code = word.charCodeAt(0);
  if (code < 65 || (code > 90 && code < 128)) return false;
  return CAPITALISED.test(word);
}
