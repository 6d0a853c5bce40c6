import { describe, expect, it } from 'vitest';
import { hash32, hash64Hex, termHash } from './hash.js';

describe('hash64Hex', () => {
  it('is hash32 with its two seeds, as 16 hex digits', () => {
    for (const text of ['', 'one', 'a b c', 'الميزانيه جديده 4,400', 'ünïcödé 東京']) {
      const lane = (seed: number) => hash32(text, seed).toString(16).padStart(8, '0');
      expect(hash64Hex(text)).toBe(lane(0x5bd1e995) + lane(0x1b873593));
    }
  });
});

describe('termHash', () => {
  it('gives the values of hash32, so that term ids do not change', () => {
    for (const text of ['', 'one', 'name:Obama', 'الميزانيه', '4,400', 'ünïcödé 東京']) expect(termHash(text)).toBe(hash32(text));
  });
});
