import { describe, expect, it } from 'vitest';
import { contentHash } from './content-hash.js';
import { normaliseText } from './normalise.js';
import { contentTerms, properNames, words } from './tokens.js';

describe('normaliseText', () => {
  it('folds compatibility forms, case and invisible marks', () => {
    expect(normaliseText('ﬁnal ＦＵＬＬ\u200Bwidth')).toBe('final fullwidth');
  });

  it('normalises Arabic spelling variants to one form', () => {
    expect(normaliseText('أَحْمَد')).toBe(normaliseText('احمد'));
    expect(normaliseText('مدرسة')).toBe('مدرسه');
    expect(normaliseText('مستشفى')).toBe('مستشفي');
    expect(normaliseText('الســلام')).toBe('السلام');
  });
});

describe('tokens', () => {
  it('keeps numbers whole and drops stop words from content terms', () => {
    expect(words('More than 4,400 square km.')).toEqual(['more', 'than', '4,400', 'square', 'km']);
    expect(contentTerms('The quake killed more than 4,400 people')).toEqual([
      'quake',
      'killed',
      '4400',
      'people',
    ]);
  });

  it('strips the Arabic definite article from content terms', () => {
    expect(contentTerms('في الميزانية الجديدة')).toEqual(['ميزانيه', 'جديده']);
  });

  it('finds capitalised names but not sentence openers', () => {
    const names = properNames('Yesterday Lindsay Lohan entered the Betty Ford Center. She left.');
    expect(names).toContain('lindsay lohan');
    expect(names).toContain('betty ford center');
    expect(names).not.toContain('yesterday');
    expect(names).not.toContain('she');
  });

  it('reads names through quotes and brackets, and normalises non-ASCII text first', () => {
    // "…" becomes "..." under NFKC, so Élodie opens a sentence; full-width letters fold to ASCII.
    expect(
      properNames(
        'He met "Barack Obama" and (John Smith), then Paris. Then Rome… ‘Élodie Durand’ ﬁle Ｆｕｌｌ Ｎame',
      ),
    ).toEqual([
      'barack',
      'obama',
      'barack obama',
      'john',
      'smith',
      'john smith',
      'paris',
      'rome',
      'durand',
      'full',
      'name',
      'full name',
    ]);
  });

  it('handles scripts it has no rules for, and empty input', () => {
    expect(words('東京で地震')).toEqual(['東京', '京で', 'で地', '地震']);
    expect(words('')).toEqual([]);
    expect(contentTerms('!!! ...')).toEqual([]);
  });
});

describe('contentHash', () => {
  it('is the same for texts that differ only in case, spacing and punctuation', () => {
    expect(contentHash('Hello,  World!')).toBe(contentHash('hello world'));
    expect(contentHash('hello world')).not.toBe(contentHash('hello there world'));
  });

  it('gives no hash to a text without words, so empty texts are never identical copies', () => {
    expect(contentHash('  ... ')).toBeNull();
  });
});
