import { normaliseArabic, stripArabicArticle } from './arabic.js';

const WORD = /[\p{L}\p{N}]+/gu;

/** Unicode-folded, lower-cased, Arabic-normalised words of a text, in order. */
export function searchWords(text: string): string[] {
  const folded = normaliseArabic(text.normalize('NFKC').toLowerCase());
  return folded.match(WORD) ?? [];
}

/**
 * The text as a full-text index should see it: each word, plus its article-less form for
 * Arabic words that carry the definite article, so a query for ميزانية finds الميزانية.
 */
export function searchDocument(text: string): string {
  const out: string[] = [];
  for (const word of searchWords(text)) {
    out.push(word);
    const bare = stripArabicArticle(word);
    if (bare) out.push(bare);
  }
  return out.join(' ');
}

/** The words of a query, each reduced to the form the index always holds. */
export function searchQueryWords(query: string): string[] {
  return searchWords(query).map((word) => stripArabicArticle(word) ?? word);
}
