import { describe, expect, it } from 'vitest';
import type { SparseVector } from './article-vector.js';
import { splitByNeighbours } from './story-splits.js';

/** A vector over the given term ids, each with weight 1 (ids sorted, as article vectors are). */
function vectorOf(ids: number[]): SparseVector {
  const sorted = [...new Set(ids)].sort((a, b) => a - b);
  return {
    ids: Uint32Array.from(sorted),
    weights: new Float32Array(sorted.length).fill(1),
    terms: sorted.map(String),
    subject: -1,
    subjectMentions: 0,
    mentions: new Uint16Array(sorted.length),
  };
}

const flatIdf = () => 1;
// Terms 1–10 are the kind of event (fire, supermarket, blaze…); each event has its own place
// and people (100s and 200s), and each report a few words of its own.
const kind = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
const report = (event: number[], own: number) => vectorOf([...kind, ...event, 1000 + own, 2000 + own]);
const first = [101, 102, 103, 104];
const second = [201, 202, 203, 204];

describe('splitByNeighbours', () => {
  // Each article links to its three nearest, so a part stands apart once it has four articles.
  it('splits a story whose articles are two events of one kind, in arrival order', () => {
    const vectors = [
      report(first, 0),
      report(second, 1),
      report(first, 2),
      report(second, 3),
      report(first, 4),
      report(second, 5),
      report(first, 6),
      report(second, 7),
    ];
    expect(splitByNeighbours(vectors, flatIdf)).toEqual([
      [0, 2, 4, 6],
      [1, 3, 5, 7],
    ]);
  });

  it('keeps a story of one event whole', () => {
    const vectors = [0, 1, 2, 3, 4, 5, 6, 7].map((i) => report(first, i));
    expect(splitByNeighbours(vectors, flatIdf)).toBeUndefined();
  });

  it('splits off no part smaller than the least part: a stray pair stays with the first part', () => {
    const vectors = [
      report(first, 0),
      report(first, 1),
      report(second, 2),
      report(first, 3),
      report(second, 4),
      report(first, 5),
    ];
    expect(splitByNeighbours(vectors, flatIdf, { neighbours: 1, minPart: 3 })).toBeUndefined();
  });

  it('weighs terms by the IDF it is given: rare shared terms outweigh common ones', () => {
    // Each report shares two ordinary words with one report of the other event, and its event's
    // rare name with its own event: counted flat, the words tie the events together.
    const vectors = [0, 1, 2, 3, 4, 5, 6, 7].map((i) => {
      const pair = 500 + (i >> 1) * 2;
      return vectorOf([...kind, 100 + (i % 2), pair, pair + 1]);
    });
    const rareNames = (id: number) => (id >= 100 && id < 500 ? 4 : id >= 500 ? 1 : 0.1);
    expect(splitByNeighbours(vectors, flatIdf)).toBeUndefined();
    expect(splitByNeighbours(vectors, rareNames)).toEqual([
      [0, 2, 4, 6],
      [1, 3, 5, 7],
    ]);
  });
});
