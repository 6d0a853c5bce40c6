import type { SparseVector } from './article-vector.js';
import { QueryTerms } from './query-terms.js';
import { indexOfId, TermRanking } from './term-ranking.js';
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
  private readonly query = new QueryTerms();
  private hits = new Uint16Array(0);
  private readonly ranking = new TermRanking();

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
    const query = this.query;
    query.load(vector, this.statistics);
    const candidates = this.candidates(vector, accept);
    const out: StoryMatch[] = [];
    const statistics = this.statistics;
    for (const slot of candidates) {
      const base = slot * this.limits.centroidTerms;
      const end = base + this.centroidLength[slot]!;
      if (this.normEpochs[slot] !== statistics.epoch) this.updateNorms(slot);
      let wordDot = 0;
      let keyDot = 0;
      for (let i = base; i < end; i++) {
        const id = this.centroidIds[i]!;
        const weighted = query.weightOf(id);
        if (weighted === 0) continue;
        if (statistics.isKey(id)) keyDot += weighted * this.centroidWeights[i]!;
        else wordDot += weighted * this.centroidWeights[i]!;
      }
      out.push({
        slot,
        words: ratio(wordDot, this.wordNorms[slot]! * query.wordNorm),
        keys: ratio(keyDot, this.keyNorms[slot]! * query.keyNorm),
      });
    }
    return out;
  }

  /** Opens a story for a first article and returns its slot. */
  open(vector: SparseVector): number {
    const slot = this.freeSlots.pop() ?? this.newSlot();
    this.centroidLength[slot] = 0;
    this.absorb(slot, vector);
    return slot;
  }

  /**
   * Adds an article's vector to a story's centroid: the sum of the centroid and the article's
   * unit vector, cut to its heaviest terms by weight × IDF. Terms are merged in a fixed order
   * (the centroid's, then the article's new ones by id), which decides ties in rank.
   */
  absorb(slot: number, vector: SparseVector): void {
    const c = this.limits.centroidTerms;
    const base = slot * c;
    const oldLength = this.centroidLength[slot]!;
    const postedBefore = Math.min(this.limits.postedTerms, oldLength);
    const alreadyPosted = this.centroidIds.slice(base, base + postedBefore);
    const ranked = this.ranking.mergeIntoCentroid(
      this.centroidIds,
      this.centroidWeights,
      base,
      oldLength,
      vector,
      this.statistics,
      c,
    );
    const { mergedIds, mergedSums } = this.ranking;
    const length = Math.min(c, ranked.length);
    for (let i = 0; i < length; i++) {
      this.centroidIds[base + i] = mergedIds[ranked[i]!]!;
      this.centroidWeights[base + i] = mergedSums[ranked[i]!]!;
    }
    this.centroidLength[slot] = length;
    this.updateNorms(slot);
    for (let i = 0; i < Math.min(this.limits.postedTerms, length); i++) {
      const id = this.centroidIds[base + i]!;
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

  /** The heaviest terms shared by a vector and a story, for evidence. */
  sharedTerms(slot: number, vector: SparseVector, count: number): number[] {
    const base = slot * this.limits.centroidTerms;
    const shared: number[] = [];
    for (let i = base; i < base + this.centroidLength[slot]! && shared.length < count; i++) {
      if (indexOfId(vector.ids, this.centroidIds[i]!) >= 0) shared.push(this.centroidIds[i]!);
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
      this.postings.size * 48
    );
  }

  private candidates(vector: SparseVector, accept: (slot: number) => boolean): number[] {
    const order = this.ranking.heaviestTerms(vector, this.query.idf, this.limits.queryTerms);
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

/** Hit counts above this rank together when choosing candidates (far above any query length). */
const MAX_HITS = 255;

function ratio(dot: number, norms: number): number {
  return norms > 0 ? dot / norms : 0;
}
