import { termHash } from '../text/hash.js';

/** Bits of a term id: 2^22 buckets, so memory is fixed (about 16 MB) however long the stream runs. */
const ID_BITS = 22;
export const TERM_ID_SPACE = 1 << ID_BITS;
const KEY_BIT = 0x80000000;
const FREQUENCY_MASK = 0x7fffffff;

/**
 * Document frequencies seen so far in the stream, for inverse document frequency. Terms are
 * hashed to ids (the hashing trick) rather than kept in a growing vocabulary: an endless
 * stream of new names would make a vocabulary grow without bound and slow every lookup.
 * The rare collision only merges two terms' counts. Counts grow as articles arrive; a
 * rebuild that feeds the same articles in the same order gets the same numbers.
 */
export class TermStatistics {
  // Per id, the document frequency in the low 31 bits and the key flag in the top bit: one
  // array, so a term's IDF and its kind cost one cache miss rather than two (comparing an
  // article with its candidate stories reads thousands of random ids).
  private readonly entries = new Uint32Array(TERM_ID_SPACE);
  // IDF is read for every term of every comparison. It depends only on the term's document
  // frequency and the document count, so it is tabled by frequency (every frequency up to the
  // document count), and the table is rebuilt when the count has grown by 1%: the shift in
  // between is negligible, and the rebuilds cost O(1) per document amortised.
  private idfByFrequency = new Float32Array(0);
  private tabled = 0;
  private epochDocuments = -1;
  private documents = 0;
  private readonly idfPower: number;

  /** `idfPower` above 1 favours rare terms (names, places) more than plain IDF does. */
  constructor(idfPower = 1) {
    this.idfPower = idfPower;
  }

  /**
   * The term's id. A key term (a name, a number) is one that tells one event from another of
   * the same kind; the clusterer scores those apart.
   */
  idOf(term: string, key = false): number {
    const id = termHash(term) >>> (32 - ID_BITS);
    this.entries[id] = key ? this.entries[id]! | KEY_BIT : this.entries[id]! & FREQUENCY_MASK;
    return id;
  }

  /** True for a key term (see idOf). */
  isKey(id: number): boolean {
    return this.entries[id]! >= KEY_BIT;
  }

  /** Counts one document holding these (distinct) term ids. */
  addDocument(termIds: Uint32Array): void {
    this.documents++;
    if (this.documents > this.epochDocuments * 1.01) this.rebuildTable();
    for (let i = 0; i < termIds.length; i++) this.entries[termIds[i]!]!++; // never reaches the key bit
  }

  /** Smoothed inverse document frequency; an unseen term weighs as a term seen once. */
  idf(id: number): number {
    if (this.epochDocuments < 0) this.rebuildTable();
    const df = this.entries[id]! & FREQUENCY_MASK;
    if (df < this.tabled) return this.idfByFrequency[df]!;
    // Past the computed part, the value the whole table would have held (float32), or beyond it the exact one.
    return df < this.idfByFrequency.length ? Math.fround(this.computeIdf(df)) : this.computeIdf(df);
  }

  private rebuildTable(): void {
    this.epochDocuments = this.documents;
    const size = Math.ceil(this.documents * 1.02) + 2;
    if (this.idfByFrequency.length < size) this.idfByFrequency = new Float32Array(size * 2);
    // Until the next rebuild no frequency exceeds the document count (below `size`), so only
    // that part is computed (a power per entry); the rest is computed if it is ever read.
    for (let df = 0; df < size; df++) this.idfByFrequency[df] = this.computeIdf(df);
    this.tabled = size;
  }

  private computeIdf(df: number): number {
    const idf = Math.log((this.epochDocuments + 1) / (df + 1)) + 1;
    return this.idfPower === 1 ? idf : idf ** this.idfPower;
  }

  /** Changes whenever IDF values change (the table is rebuilt): cached weights older than this are stale. */
  get epoch(): number {
    return this.epochDocuments;
  }

  /** Number of documents counted. */
  get documentCount(): number {
    return this.documents;
  }

  /** Bytes held: fixed, whatever the stream's length. */
  memoryBytes(): number {
    return this.entries.byteLength + this.idfByFrequency.byteLength;
  }
}
