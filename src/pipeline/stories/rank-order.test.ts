import { describe, expect, it } from 'vitest';
import { positionsByRankDescending } from './rank-order.js';

/** The order the clusterer used before: a stable sort with a comparator. */
function comparatorOrder(ranks: Float32Array): number[] {
  return [...Uint32Array.from(ranks.keys()).sort((a, b) => ranks[b]! - ranks[a]!)];
}

describe('positionsByRankDescending', () => {
  it('orders like a stable comparator sort, ties in position order', () => {
    let state = 7;
    const random = () => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) % 1000) / 37;
    for (const length of [0, 1, 2, 17, 300]) {
      // Few distinct values, so ties are common; negatives and both zeros too.
      const ranks = Float32Array.from({ length }, (_, i) =>
        i % 11 === 0 ? -random() : Math.floor(random()),
      );
      if (length > 5) [ranks[3], ranks[4]] = [0, -0];
      expect([...positionsByRankDescending(ranks, length)]).toEqual(comparatorOrder(ranks));
    }
  });

  it('ranks only the first `length` values and fills the given arrays', () => {
    const ranks = Float32Array.from([0.5, 3, 3, 9, 100]);
    const out = new Uint32Array(8);
    const keys = new Float64Array(8);
    expect([...positionsByRankDescending(ranks, 4, out, keys)]).toEqual([3, 1, 2, 0]);
    expect(out[0]).toBe(3);
  });

  it('gives the same first positions, in the same order, when asked for only a few', () => {
    let state = 11;
    const random = () => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) % 1000) / 37;
    for (const length of [1, 2, 5, 40, 300]) {
      const ranks = Float32Array.from({ length }, () => Math.floor(random()));
      const full = comparatorOrder(ranks);
      for (const limit of [0, 1, 3, 24, 128, 160, 400])
        expect(
          [...positionsByRankDescending(ranks, length, undefined, undefined, limit)],
          `${length}/${limit}`,
        ).toEqual(full.slice(0, limit));
    }
  });
});
