import { describe, expect, it } from 'vitest';
import { containment, containmentFromJaccard, jaccard } from './containment.js';
import { LshIndex } from './lsh-index.js';
import { estimateJaccard, isEmptySignature, minhashSignature } from './minhash.js';
import { shingleHashes, shingleStream } from './shingles.js';
import { words } from './tokens.js';

function article(seed: number, length: number): string[] {
  const out: string[] = [];
  let state = seed;
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    out.push(`w${state % 5000}`);
  }
  return out;
}

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
  const original = article(1, 400);
  const edited = original.map((w, i) => (i % 20 === 0 ? 'changed' : w));
  const unrelated = article(2, 400);

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
    const texts = Array.from({ length: 50 }, (_, i) => article(100 + i, 300));
    texts.forEach((t) => index.add(minhashSignature(shingleHashes(t))));
    const copy = texts[17]!.map((w, i) => (i % 15 === 0 ? 'x' : w));
    expect(index.candidates(minhashSignature(shingleHashes(copy)))).toEqual([17]);
    expect(index.candidates(minhashSignature(shingleHashes(article(999, 300))))).toEqual([]);
    expect(index.size).toBe(50);
  });

  it('skips removed slots and never matches empty signatures', () => {
    const index = new LshIndex(32, 4);
    const signature = minhashSignature(shingleHashes(article(5, 200)));
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
    const full = shingleHashes(words(article(7, 600).join(' ')));
    const excerpt = shingleHashes(article(7, 600).slice(100, 250));
    expect(containment(excerpt, full)).toBe(1);
    expect(jaccard(excerpt, full)).toBeLessThan(0.3);
    expect(containmentFromJaccard(jaccard(excerpt, full), excerpt.length, full.length)).toBeCloseTo(1, 5);
  });
});

describe('shingle streams', () => {
  it('give the same signature as the sorted set', () => {
    const list = article(3, 300);
    const repeated = [...list, ...list.slice(0, 50)];
    expect([...minhashSignature(shingleStream(repeated))]).toEqual([
      ...minhashSignature(shingleHashes(repeated)),
    ]);
  });
});
