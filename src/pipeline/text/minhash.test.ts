import { describe, expect, it } from 'vitest';
import { pseudoWords } from '../../../test/support/pseudo-words.js';
import { containment, containmentFromJaccard, jaccard } from './containment.js';
import { LshIndex } from './lsh-index.js';
import { estimateJaccard, isEmptySignature, minhashSignature } from './minhash.js';
import { shingleHashes, shingleStream } from './shingles.js';
import { words } from './tokens.js';

describe('shingles', () => {
  it('are sorted and unique, and word order matters', () => {
    const set = shingleHashes(['a', 'b', 'c', 'a', 'b', 'c']);
    expect([...set]).toEqual([...new Set(set)].sort((x, y) => x - y));
    expect(shingleHashes(['a', 'b', 'c'])[0]).not.toBe(shingleHashes(['c', 'b', 'a'])[0]);
  });

  it('give a short text one shingle and an empty text none', () => {
    expect(shingleHashes(['one']).length).toBe(1);
    expect(shingleHashes([]).length).toBe(0);
  });
});

describe('MinHash', () => {
  const original = pseudoWords(1, 400);
  const edited = original.map((w, i) => (i % 20 === 0 ? 'changed' : w));
  const unrelated = pseudoWords(2, 400);

  it('estimates Jaccard similarity close to the exact value', () => {
    const a = shingleHashes(original);
    const b = shingleHashes(edited);
    const exact = jaccard(a, b);
    expect(Math.abs(estimateJaccard(minhashSignature(a), minhashSignature(b)) - exact)).toBeLessThan(0.12);
    expect(estimateJaccard(minhashSignature(a), minhashSignature(shingleHashes(unrelated)))).toBeLessThan(
      0.05,
    );
  });

  it('is deterministic', () => {
    expect([...minhashSignature(shingleHashes(original))]).toEqual([
      ...minhashSignature(shingleHashes([...original])),
    ]);
  });

  it('never calls an empty text similar to anything, not even another empty text', () => {
    const empty = minhashSignature(new Uint32Array(0));
    expect(isEmptySignature(empty)).toBe(true);
    expect(estimateJaccard(empty, empty)).toBe(0);
  });
});

describe('LshIndex', () => {
  it('returns similar documents as candidates and not dissimilar ones', () => {
    const index = new LshIndex(32, 4, 4);
    const texts = Array.from({ length: 50 }, (_, i) => pseudoWords(100 + i, 300));
    texts.forEach((t) => index.add(minhashSignature(shingleHashes(t))));
    const copy = texts[17]!.map((w, i) => (i % 15 === 0 ? 'x' : w));
    expect(index.candidates(minhashSignature(shingleHashes(copy)))).toEqual([17]);
    expect(index.candidates(minhashSignature(shingleHashes(pseudoWords(999, 300))))).toEqual([]);
    expect(index.size).toBe(50);
  });

  it('skips removed slots and never matches empty signatures', () => {
    const index = new LshIndex(32, 4);
    const signature = minhashSignature(shingleHashes(pseudoWords(5, 200)));
    const slot = index.add(signature);
    index.add(minhashSignature(new Uint32Array(0)));
    expect(index.candidates(signature)).toEqual([slot]);
    index.remove(slot);
    expect(index.candidates(signature)).toEqual([]);
    expect(index.candidates(minhashSignature(new Uint32Array(0)))).toEqual([]);
  });
});

describe('containment', () => {
  it('is high for an excerpt in its source while Jaccard stays low', () => {
    const full = shingleHashes(words(pseudoWords(7, 600).join(' ')));
    const excerpt = shingleHashes(pseudoWords(7, 600).slice(100, 250));
    expect(containment(excerpt, full)).toBe(1);
    expect(jaccard(excerpt, full)).toBeLessThan(0.3);
    expect(containmentFromJaccard(jaccard(excerpt, full), excerpt.length, full.length)).toBeCloseTo(1, 5);
  });
});

describe('shingle streams', () => {
  it('give the same signature as the sorted set', () => {
    const list = pseudoWords(3, 300);
    const repeated = [...list, ...list.slice(0, 50)];
    expect([...minhashSignature(shingleStream(repeated))]).toEqual([
      ...minhashSignature(shingleHashes(repeated)),
    ]);
  });
});

describe('stable values', () => {
  // Duplicate decisions and stored fingerprints depend on these exact numbers: a faster
  // implementation must give the same ones (values of the first, plain implementation).
  const list = words('The quick brown fox jumps over the lazy dog near the river bank');

  it('keeps the shingle hashes of the default length and of other lengths', () => {
    expect([...shingleStream(list)]).toEqual([
      2701611836, 1172685349, 2830320255, 1103980134, 4086302202, 2723237302, 3924693103, 2182096876,
      1351780755, 3416078151, 2865527104,
    ]);
    expect([...shingleStream(list, 2)].slice(0, 4)).toEqual([1447692760, 363870442, 3633520855, 1566499758]);
    expect([...shingleStream(['solo'])]).toEqual([3984045856]);
    expect([...shingleStream(['one', 'two'])]).toEqual([1133716092]);
  });

  it('keeps the signature, empty bins filled from their right', () => {
    // 11 shingles in 16 bins: most bins are empty and densified, across the wrap-around too.
    expect([...minhashSignature(shingleStream(list), 16)]).toEqual([
      415461392, 529231104, 4135952640, 3898207248, 2902123622, 3956901717, 1863132852, 2305512064,
      1867313328, 77009060, 1081459168, 3111982624, 2299727183, 3046120387, 1346965568, 2877877536,
    ]);
  });
});
