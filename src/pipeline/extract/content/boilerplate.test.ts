import { describe, expect, it } from 'vitest';
import { boilerplateForNextPage, learnBoilerplateFingerprints } from './boilerplate.js';

describe('boilerplateForNextPage', () => {
  it('takes out of the next page exactly what learning with that page among the others would', () => {
    // Pages of fingerprints drawn from a small vocabulary, so that some repeat across pages and some do not.
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const page = () => Array.from({ length: 1 + Math.floor(random() * 6) }, () => `p${Math.floor(random() * 10)}`);
    for (let trial = 0; trial < 300; trial++) {
      const recent = Array.from({ length: Math.floor(random() * 12) }, page);
      const next = page();
      const withNext = learnBoilerplateFingerprints([next, ...recent]);
      const beforehand = boilerplateForNextPage(recent);
      expect(next.filter((f) => beforehand.has(f))).toEqual(next.filter((f) => withNext.has(f)));
    }
  });

  it('needs the usual number of pages: nothing is boilerplate after a single other page', () => {
    expect(boilerplateForNextPage([['closing']]).size).toBe(0);
    expect([...boilerplateForNextPage([['closing'], ['closing']])]).toEqual(['closing']);
  });
});
