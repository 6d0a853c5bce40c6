import { describe, expect, it } from 'vitest';
import { normaliseArabic, stripArabicArticle } from './arabic.js';
import { searchDocument, searchQueryWords } from './search-terms.js';

describe('normaliseArabic', () => {
  it('removes diacritics and tatweel and folds letter forms', () => {
    expect(normaliseArabic('مُحَمَّد')).toBe('محمد');
    expect(normaliseArabic('الســـلام')).toBe('السلام');
    expect(normaliseArabic('أحمد إبراهيم آمال')).toBe('احمد ابراهيم امال');
    expect(normaliseArabic('مستشفى')).toBe('مستشفي');
    expect(normaliseArabic('مدرسة')).toBe('مدرسه');
  });

  it('leaves text without Arabic letters untouched', () => {
    expect(normaliseArabic('Café — naïve')).toBe('Café — naïve');
  });
});

describe('stripArabicArticle', () => {
  it('strips the definite article and the prefixes that attach to it', () => {
    expect(stripArabicArticle('الميزانيه')).toBe('ميزانيه');
    expect(stripArabicArticle('والحكومه')).toBe('حكومه');
    expect(stripArabicArticle('للطلاب')).toBe('طلاب');
  });

  it('keeps short words whole', () => {
    expect(stripArabicArticle('الله')).toBeNull();
    expect(stripArabicArticle('كتاب')).toBeNull();
  });
});

describe('search terms', () => {
  it('indexes both the word and its article-less form so either spelling matches', () => {
    const doc = searchDocument('أعلنت الحكومة الميزانيَّة');
    const words = new Set(doc.split(' '));
    for (const q of searchQueryWords('ميزانية')) expect(words.has(q)).toBe(true);
    for (const q of searchQueryWords('الميزانية')) expect(words.has(q)).toBe(true);
  });

  it('lower-cases and folds compatibility forms', () => {
    expect(searchQueryWords('Ｎｅｗｓ DESK')).toEqual(['news', 'desk']);
  });
});
