import type { SparseVector } from './article-vector.js';
import type { TermStatistics } from './term-statistics.js';

const FILTER_MASK = (1 << 13) - 1;
const EMPTY = -1;

/**
 * An article's terms as the story index compares them with centroids: the IDF of each term,
 * read once per article; its norms over words and key terms; and a small open-addressing
 * table from term id to weight × IDF² (IDF once for each side of a dot product). The table
 * stays in the processor's nearest caches, where a scratch array indexed by term id spanned
 * megabytes and missed the cache on every shared term. A bitmap of the ids in front of it
 * answers "not in the article" for most centroid terms with one read.
 */
export class QueryTerms {
  /** IDF of each of the vector's terms, by position. */
  idf = new Float64Array(256);
  wordNorm = 0;
  keyNorm = 0;
  private readonly filter = new Uint32Array((FILTER_MASK + 1) / 32);
  private tableIds = new Int32Array(1024).fill(EMPTY);
  // Float32 like the weights they are multiplied with, so dot products round as they always did.
  private tableValues = new Float32Array(1024);
  private shift = 32 - 10;

  /** Loads a vector (replacing the previous one). */
  load(vector: SparseVector, statistics: TermStatistics): void {
    const terms = vector.ids.length;
    if (this.idf.length < terms) this.idf = new Float64Array(terms * 2);
    if (this.tableIds.length < terms * 4) {
      const bits = Math.ceil(Math.log2(terms * 4));
      this.tableIds = new Int32Array(1 << bits);
      this.tableValues = new Float32Array(1 << bits);
      this.shift = 32 - bits;
    }
    this.tableIds.fill(EMPTY);
    this.filter.fill(0);
    let words = 0;
    let keys = 0;
    for (let i = 0; i < terms; i++) {
      const id = vector.ids[i]!;
      const idf = statistics.idf(id);
      this.idf[i] = idf;
      const value = (vector.weights[i]! * idf) ** 2;
      if (statistics.isKey(id)) keys += value;
      else words += value;
      this.insert(id, vector.weights[i]! * idf ** 2);
      const bit = id & FILTER_MASK;
      this.filter[bit >>> 5]! |= 1 << (bit & 31);
    }
    this.wordNorm = Math.sqrt(words);
    this.keyNorm = Math.sqrt(keys);
  }

  /** The term's weight × IDF² in the loaded vector, or 0 when the vector does not hold it. */
  weightOf(id: number): number {
    const bit = id & FILTER_MASK;
    if ((this.filter[bit >>> 5]! & (1 << (bit & 31))) === 0) return 0;
    const mask = this.tableIds.length - 1;
    for (let at = Math.imul(id, 0x9e3779b1) >>> this.shift; ; at = (at + 1) & mask) {
      const held = this.tableIds[at]!;
      if (held === id) return this.tableValues[at]!;
      if (held === EMPTY) return 0;
    }
  }

  private insert(id: number, value: number): void {
    const mask = this.tableIds.length - 1;
    let at = Math.imul(id, 0x9e3779b1) >>> this.shift;
    while (this.tableIds[at] !== EMPTY && this.tableIds[at] !== id) at = (at + 1) & mask;
    this.tableIds[at] = id;
    this.tableValues[at] = value;
  }
}
