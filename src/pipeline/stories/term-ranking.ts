import type { SparseVector } from './article-vector.js';
import { positionsByRankDescending } from './rank-order.js';
import type { TermStatistics } from './term-statistics.js';

/**
 * Ranking of terms by weight × IDF for the story index, in scratch arrays reused for every
 * article (grown when a vector is longer): merging a centroid with an article allocated a
 * Map and a handful of arrays per article before, a sixth of the cost of placing it.
 */
export class TermRanking {
  /** Ids and summed weights of the last merge, by merge position. */
  mergedIds = new Uint32Array(512);
  mergedSums = new Float64Array(512);
  private ranks = new Float32Array(512);
  private keys = new Float64Array(512);
  private order = new Uint32Array(512);
  private inCentroid = new Uint8Array(512);

  /**
   * The centroid (ids and weights from `base`, `length` of them) plus the article's unit
   * vector, into `mergedIds`/`mergedSums`; returns merge positions, heaviest first. The merge
   * order (the centroid's terms, then the article's new ones by id) decides ties in rank, and
   * ranks use the sum as the centroid stores it (float32).
   */
  mergeIntoCentroid(
    centroidIds: Uint32Array,
    centroidWeights: Float32Array,
    base: number,
    length: number,
    vector: SparseVector,
    statistics: TermStatistics,
    limit = Infinity,
  ): Uint32Array {
    let norm = 0;
    for (let i = 0; i < vector.weights.length; i++) norm += vector.weights[i]! ** 2;
    norm = Math.sqrt(norm) || 1;
    const terms = vector.ids.length;
    this.reserve(length + terms);
    const { mergedIds, mergedSums, inCentroid, ranks } = this;
    inCentroid.fill(0, 0, terms);
    for (let i = 0; i < length; i++) {
      const id = centroidIds[base + i]!;
      const at = indexOfId(vector.ids, id);
      mergedIds[i] = id;
      mergedSums[i] = centroidWeights[base + i]! + (at >= 0 ? vector.weights[at]! / norm : 0);
      if (at >= 0) inCentroid[at] = 1;
    }
    let merged = length;
    for (let i = 0; i < terms; i++) {
      if (inCentroid[i]) continue;
      mergedIds[merged] = vector.ids[i]!;
      mergedSums[merged++] = vector.weights[i]! / norm;
    }
    for (let i = 0; i < merged; i++) ranks[i] = Math.fround(mergedSums[i]!) * statistics.idf(mergedIds[i]!);
    return positionsByRankDescending(ranks, merged, this.order, this.keys, limit);
  }

  /** Positions of the vector's `limit` heaviest terms, heaviest first, given the IDF of each term by position. */
  heaviestTerms(vector: SparseVector, idf: Float64Array, limit = Infinity): Uint32Array {
    const terms = vector.ids.length;
    this.reserve(terms);
    for (let i = 0; i < terms; i++) this.ranks[i] = vector.weights[i]! * idf[i]!;
    return positionsByRankDescending(this.ranks, terms, this.order, this.keys, limit);
  }

  private reserve(terms: number): void {
    if (this.ranks.length >= terms) return;
    const size = terms * 2;
    this.mergedIds = new Uint32Array(size);
    this.mergedSums = new Float64Array(size);
    this.ranks = new Float32Array(size);
    this.keys = new Float64Array(size);
    this.order = new Uint32Array(size);
    this.inCentroid = new Uint8Array(size);
  }
}

/** Position of an id in a vector's ascending ids, or -1. */
export function indexOfId(ids: Uint32Array, id: number): number {
  let low = 0;
  let high = ids.length - 1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    const value = ids[mid]!;
    if (value === id) return mid;
    if (value < id) low = mid + 1;
    else high = mid - 1;
  }
  return -1;
}
