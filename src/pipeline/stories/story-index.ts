import type { SparseVector } from './article-vector.js';
import type { TermStatistics } from './term-statistics.js';

/** Limits of the active-story index. */
export interface StoryIndexLimits {
  /** Terms kept in a story's centroid. */
  centroidTerms: number;
  /** Of those, how many are posted in the inverted index for finding candidates. */
  postedTerms: number;
  /** Terms of a new article used to look up candidates. */
  queryTerms: number;
  /** Posting lists longer than this belong to words too common to find a story by. */
  maxPostings: number;
  /** Candidates scored in full per article. */
  maxCandidates: number;
}

export const defaultStoryIndexLimits: StoryIndexLimits = {
  centroidTerms: 128,
  postedTerms: 16,
  queryTerms: 24,
  maxPostings: 2048,
  maxCandidates: 24,
};

/** A story that an article could join, with its cosine similarity. */
export interface StoryMatch {
  slot: number;
  /** Cosine over ordinary words. */
  words: number;
  /** Cosine over key terms: names and numbers. */
  keys: number;
}

/**
 * The active stories: for each, a centroid (the sum of its articles' unit vectors, cut to
 * its heaviest terms) in pooled typed arrays, and an inverted index from a story's heaviest
 * terms to the story, so finding candidates costs the same however large the archive is.
 */
export class StoryIndex {
  readonly limits: StoryIndexLimits;
  private readonly statistics: TermStatistics;
  private capacity = 0;
  private centroidIds = new Uint32Array(0);
  private centroidWeights = new Float32Array(0);
  private centroidLength = new Uint8Array(0);
  // Centroid norms over words and key terms, recomputed when the centroid or the IDF table
  // changes rather than on every match (saves 64 IDF reads per candidate).
  private wordNorms = new Float32Array(0);
  private keyNorms = new Float32Array(0);
  private normEpochs = new Float64Array(0);
  private readonly freeSlots: number[] = [];
  private used = 0;
  private readonly postings = new Map<number, number[]>();
  private scratch = new Float32Array(1024);
  private hits = new Uint16Array(0);
  private readonly filter = new Uint32Array((FILTER_MASK + 1) / 32);

  constructor(statistics: TermStatistics, limits: StoryIndexLimits = defaultStoryIndexLimits) {
    this.statistics = statistics;
    this.limits = limits;
  }

  /** Number of live stories. */
  get size(): number {
    return this.used - this.freeSlots.length;
  }

  /** The active stories that share heavy terms with a vector, with their similarities. */
  match(vector: SparseVector, accept: (slot: number) => boolean): StoryMatch[] {
    const candidates = this.candidates(vector, accept);
    if (candidates.length === 0) return [];
    this.loadScratch(vector);
    const docNorms = this.norms(vector.ids, vector.weights, vector.ids.length, 0);
    const out: StoryMatch[] = [];
    const statistics = this.statistics;
    // Most centroid terms are not in the article: a small bitmap of its ids (in the processor's
    // nearest cache) answers that before a read from the large scratch array would miss the cache.
    const filter = this.filter;
    filter.fill(0);
    for (let i = 0; i < vector.ids.length; i++) {
      const bit = vector.ids[i]! & FILTER_MASK;
      filter[bit >>> 5]! |= 1 << (bit & 31);
    }
    for (const slot of candidates) {
      const base = slot * this.limits.centroidTerms;
      const end = base + this.centroidLength[slot]!;
      if (this.normEpochs[slot] !== statistics.epoch) this.updateNorms(slot);
      let wordDot = 0;
      let keyDot = 0;
      for (let i = base; i < end; i++) {
        const id = this.centroidIds[i]!;
        const bit = id & FILTER_MASK;
        if ((filter[bit >>> 5]! & (1 << (bit & 31))) === 0) continue;
        if (id >= this.scratch.length) continue;
        const weighted = this.scratch[id]!;
        if (weighted === 0) continue;
        if (statistics.isKey(id)) keyDot += weighted * this.centroidWeights[i]!;
        else wordDot += weighted * this.centroidWeights[i]!;
      }
      out.push({
        slot,
        words: ratio(wordDot, this.wordNorms[slot]! * docNorms[0]),
        keys: ratio(keyDot, this.keyNorms[slot]! * docNorms[1]),
      });
    }
    this.clearScratch(vector);
    return out;
  }

  /** Opens a story for a first article and returns its slot. */
  open(vector: SparseVector): number {
    const slot = this.freeSlots.pop() ?? this.newSlot();
    this.centroidLength[slot] = 0;
    this.absorb(slot, vector);
    return slot;
  }

  /** Adds an article's vector to a story's centroid. */
  absorb(slot: number, vector: SparseVector): void {
    const c = this.limits.centroidTerms;
    const base = slot * c;
    const alreadyPosted = this.centroidIds.slice(
      base,
      base + Math.min(this.limits.postedTerms, this.centroidLength[slot]!),
    );
    const merged = new Map<number, number>();
    for (let i = base; i < base + this.centroidLength[slot]!; i++)
      merged.set(this.centroidIds[i]!, this.centroidWeights[i]!);
    let norm = 0;
    for (let i = 0; i < vector.weights.length; i++) norm += vector.weights[i]! ** 2;
    norm = Math.sqrt(norm) || 1;
    for (let i = 0; i < vector.ids.length; i++) {
      const id = vector.ids[i]!;
      merged.set(id, (merged.get(id) ?? 0) + vector.weights[i]! / norm);
    }
    // Ranks are computed once per term, not inside the comparator (which read IDF twice per comparison).
    const ids = Uint32Array.from(merged.keys());
    const sums = Float32Array.from(merged.values());
    const ranks = new Float32Array(ids.length);
    for (let i = 0; i < ids.length; i++) ranks[i] = sums[i]! * this.statistics.idf(ids[i]!);
    const ranked = Uint32Array.from(ranks.keys()).sort((a, b) => ranks[b]! - ranks[a]!);
    const length = Math.min(c, ranked.length);
    for (let i = 0; i < length; i++) {
      this.centroidIds[base + i] = ids[ranked[i]!]!;
      this.centroidWeights[base + i] = sums[ranked[i]!]!;
    }
    this.centroidLength[slot] = length;
    this.updateNorms(slot);
    for (let i = 0; i < Math.min(this.limits.postedTerms, length); i++) {
      const id = ids[ranked[i]!]!;
      // Terms that were already among the posted heaviest ones are in their posting lists:
      // searching a long list for the slot again was a tenth of the cost of absorbing.
      if (!alreadyPosted.includes(id)) this.post(id, slot);
    }
  }

  /** Removes a story from the active window. */
  close(slot: number): void {
    this.centroidLength[slot] = 0;
    this.freeSlots.push(slot);
  }

  /** True when the term is among the story's centroid terms. */
  hasTerm(slot: number, id: number): boolean {
    const base = slot * this.limits.centroidTerms;
    for (let i = base; i < base + this.centroidLength[slot]!; i++) if (this.centroidIds[i] === id) return true;
    return false;
  }

  /** The heaviest terms shared by a vector and a story, for evidence. */
  sharedTerms(slot: number, vector: SparseVector, count: number): number[] {
    const base = slot * this.limits.centroidTerms;
    const inDoc = new Set(vector.ids);
    const shared: number[] = [];
    for (let i = base; i < base + this.centroidLength[slot]! && shared.length < count; i++) {
      if (inDoc.has(this.centroidIds[i]!)) shared.push(this.centroidIds[i]!);
    }
    return shared;
  }

  /** Bytes held by centroids and postings (postings estimated at 8 bytes an entry plus list overhead). */
  memoryBytes(): number {
    let postingEntries = 0;
    for (const list of this.postings.values()) postingEntries += list.length;
    return (
      this.wordNorms.byteLength +
      this.keyNorms.byteLength +
      this.normEpochs.byteLength +
      this.centroidIds.byteLength +
      this.centroidWeights.byteLength +
      this.centroidLength.byteLength +
      postingEntries * 8 +
      this.postings.size * 48 +
      this.scratch.byteLength
    );
  }

  private candidates(vector: SparseVector, accept: (slot: number) => boolean): number[] {
    const ranks = new Float32Array(vector.ids.length);
    for (let i = 0; i < ranks.length; i++)
      ranks[i] = vector.weights[i]! * this.statistics.idf(vector.ids[i]!);
    const order = Uint32Array.from(ranks.keys())
      .sort((a, b) => ranks[b]! - ranks[a]!)
      .subarray(0, this.limits.queryTerms);
    const touched: number[] = [];
    for (const index of order) {
      const id = vector.ids[index]!;
      const list = this.postings.get(id);
      if (!list || list.length > this.limits.maxPostings) continue;
      for (const slot of list) {
        if (this.hits[slot] === 0) touched.push(slot);
        this.hits[slot]!++;
      }
    }
    const live = touched.filter((slot) => this.centroidLength[slot]! > 0 && accept(slot));
    const best = this.mostHits(live, this.limits.maxCandidates);
    for (const slot of touched) this.hits[slot] = 0;
    return best;
  }

  /**
   * The `count` slots with the most hits, most first, ties in their order in `slots`: what a
   * stable sort then a cut would give, without sorting the thousands of slots that share a
   * common word.
   */
  private mostHits(slots: number[], count: number): number[] {
    if (slots.length <= count) return slots.sort((a, b) => this.hits[b]! - this.hits[a]!);
    const tally = new Uint32Array(MAX_HITS + 1);
    for (const slot of slots) tally[Math.min(this.hits[slot]!, MAX_HITS)]!++;
    let cut = MAX_HITS;
    let above = 0;
    while (cut > 0 && above + tally[cut]! < count) above += tally[cut--]!;
    const chosen: number[] = [];
    let atCut = count - above;
    for (const slot of slots) {
      const hits = Math.min(this.hits[slot]!, MAX_HITS);
      if (hits > cut) chosen.push(slot);
      else if (hits === cut && atCut > 0) {
        chosen.push(slot);
        atCut--;
      }
    }
    return chosen.sort((a, b) => this.hits[b]! - this.hits[a]!);
  }

  private post(id: number, slot: number): void {
    let list = this.postings.get(id);
    if (!list) this.postings.set(id, (list = []));
    if (list.length > 0 && list[list.length - 1] === slot) return;
    if (list.includes(slot)) return;
    list.push(slot);
    if (list.length >= 64 && (list.length & (list.length - 1)) === 0) this.prune(id, list);
  }

  /** Drops postings of closed or changed stories; run when a list doubles, so its cost is amortised. */
  private prune(id: number, list: number[]): void {
    const c = this.limits.centroidTerms;
    let kept = 0;
    for (const slot of list) {
      const base = slot * c;
      let present = false;
      for (let i = base; i < base + this.centroidLength[slot]!; i++)
        if (this.centroidIds[i] === id) present = true;
      if (present) list[kept++] = slot;
    }
    list.length = kept;
  }

  private newSlot(): number {
    if (this.used === this.capacity) {
      const capacity = Math.max(1024, this.capacity * 2);
      const c = this.limits.centroidTerms;
      const ids = new Uint32Array(capacity * c);
      ids.set(this.centroidIds);
      const weights = new Float32Array(capacity * c);
      weights.set(this.centroidWeights);
      const lengths = new Uint8Array(capacity);
      lengths.set(this.centroidLength);
      this.centroidIds = ids;
      this.centroidWeights = weights;
      this.centroidLength = lengths;
      this.hits = new Uint16Array(capacity);
      const wordNorms = new Float32Array(capacity);
      wordNorms.set(this.wordNorms);
      this.wordNorms = wordNorms;
      const keyNorms = new Float32Array(capacity);
      keyNorms.set(this.keyNorms);
      this.keyNorms = keyNorms;
      const normEpochs = new Float64Array(capacity);
      normEpochs.set(this.normEpochs);
      this.normEpochs = normEpochs;
      this.capacity = capacity;
    }
    return this.used++;
  }

  private updateNorms(slot: number): void {
    const base = slot * this.limits.centroidTerms;
    const norms = this.norms(this.centroidIds, this.centroidWeights, this.centroidLength[slot]!, base);
    this.wordNorms[slot] = norms[0];
    this.keyNorms[slot] = norms[1];
    this.normEpochs[slot] = this.statistics.epoch;
  }

  private loadScratch(vector: SparseVector): void {
    const top = vector.ids.length ? vector.ids[vector.ids.length - 1]! : 0;
    if (top >= this.scratch.length) {
      let size = this.scratch.length;
      while (size <= top) size *= 2;
      this.scratch = new Float32Array(size);
    }
    // Each weight carries IDF twice, once for each side of the dot product with a centroid.
    for (let i = 0; i < vector.ids.length; i++) {
      this.scratch[vector.ids[i]!] = vector.weights[i]! * this.statistics.idf(vector.ids[i]!) ** 2;
    }
  }

  private clearScratch(vector: SparseVector): void {
    for (let i = 0; i < vector.ids.length; i++) this.scratch[vector.ids[i]!] = 0;
  }

  /** Norms over ordinary words and over key terms. */
  private norms(ids: Uint32Array, weights: Float32Array, length: number, base: number): [number, number] {
    let words = 0;
    let keys = 0;
    for (let i = base; i < base + length; i++) {
      const value = (weights[i]! * this.statistics.idf(ids[i]!)) ** 2;
      if (this.statistics.isKey(ids[i]!)) keys += value;
      else words += value;
    }
    return [Math.sqrt(words), Math.sqrt(keys)];
  }
}

const FILTER_MASK = (1 << 13) - 1;
/** Hit counts above this rank together when choosing candidates (far above any query length). */
const MAX_HITS = 255;

function ratio(dot: number, norms: number): number {
  return norms > 0 ? dot / norms : 0;
}
