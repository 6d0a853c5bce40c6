import { describe, expect, it } from 'vitest';
import { hash64Hex, hash64HexOfWords } from './hash.js';

describe('hash64HexOfWords', () => {
  it('equals the hash of the words joined by spaces', () => {
    for (const list of [
      ['one'],
      ['a', 'b', 'c'],
      ['', 'x', ''],
      ['الميزانيه', 'جديده', '4,400'],
      ['ünïcödé', '東京'],
    ])
      expect(hash64HexOfWords(list)).toBe(hash64Hex(list.join(' ')));
  });
});
