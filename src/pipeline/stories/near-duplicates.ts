import { containmentFromJaccard } from '../text/containment.js';
import { ContainmentIndex, type SampledMatches } from '../text/containment-index.js';
import { contentHashOf } from '../text/content-hash.js';
import { LshIndex } from '../text/lsh-index.js';
import { estimateJaccard, isEmptySignature, minhashSignature } from '../text/minhash.js';
import { shingleStream } from '../text/shingles.js';

/** Thresholds of near-duplicate detection. */
export interface DuplicateOptions {
  /** Estimated Jaccard similarity of word 3-gram sets at or above which two texts are copies. */
  jaccard: number;
  /** Estimated containment of the shorter text in the longer at or above which it is an excerpt or a quote-all. */
  containment: number;
  /** Texts with fewer shingles than this are too short to call copies (headlines, one-liners). */
  minShingles: number;
  /** LSH banding: bands × rows must equal the signature size (128). 32 × 4 finds pairs from J ≈ 0.3. */
  bands: number;
  rows: number;
}

export const defaultDuplicateOptions: DuplicateOptions = {
  jaccard: 0.5,
  containment: 0.7,
  minShingles: 20,
  bands: 32,
  rows: 4,
};

const EMPTY_SIGNATURE = new Uint32Array(128).fill(0xffffffff);
const NO_SAMPLES = new Uint32Array(0);

/** Fewest shingles (about words) for an identical text to count as a copy. */
const MIN_EXACT_SHINGLES = 6;
/** Fewest shared samples for a containment found by sampling: two or one could be chance. */
const MIN_SHARED_SAMPLES = 3;

/** A match with an earlier text. */
export interface DuplicateMatch {
  of: string;
  exact: boolean;
  jaccard: number;
  /** Containment of the smaller text in the larger. */
  containment: number;
  /** True when the new text is the smaller one (an excerpt of, or quoted by, the earlier one). */
  newIsContained: boolean;
}

/** What is kept per indexed text: its signature size and the owner's key. */
interface Entry {
  key: string;
  shingles: number;
  hash: string | null;
}

/**
 * Finds, for each new text, the earlier text it copies: an identical normalised text by
 * hash, else the most similar candidate from MinHash LSH that passes the Jaccard or the
 * containment threshold, or a text found by sampled shingles that contains the new one or is
 * contained in it (sizes too different for Jaccard). Only signatures and samples are kept,
 * so memory per text is a few hundred bytes.
 */
export class DuplicateIndex {
  readonly options: DuplicateOptions;
  private lsh: LshIndex;
  private readonly contained = new ContainmentIndex();
  private readonly capacity: number;
  private oldest = 0;
  private readonly exact = new Map<string, string>();
  private entries: (Entry | undefined)[] = [];
  // Signatures are kept as 16-bit fingerprints of their values: a chance equality costs
  // 1/65536 per position, negligible for Jaccard estimates, and memory is halved.
  private signatures: Uint16Array;

  /** `capacity`: how many recent texts stay findable; older ones are forgotten. */
  constructor(options: Partial<DuplicateOptions> = {}, capacity = 200_000) {
    this.options = { ...defaultDuplicateOptions, ...options };
    this.capacity = capacity;
    this.lsh = new LshIndex(this.options.bands, this.options.rows);
    this.signatures = new Uint16Array(1024 * 128);
  }

  /** Indexes a text (its normalised words, from `words`) under a key and returns the earlier text it copies, if any. */
  add(key: string, textWords: readonly string[]): DuplicateMatch | undefined {
    const hash = contentHashOf(textWords);
    const stream = shingleStream(textWords);
    // Repeated 3-grams are rare in prose; counting them twice slightly lowers a containment
    // estimate, which is cheaper than deduplicating every text.
    const shingles = stream.length;
    const signature = minhashSignature(stream);
    const fingerprints = fingerprint(signature);
    const samples = shingles >= this.options.minShingles ? this.contained.samples(stream) : NO_SAMPLES;
    const sampled = this.contained.matches(samples);
    const match = this.find(hash, signature, fingerprints, shingles, sampled);
    const slot = this.lsh.add(shingles >= this.options.minShingles ? signature : EMPTY_SIGNATURE);
    this.contained.add(slot, samples, sampled.indexedUsable);
    if (this.signatures.length < (slot + 1) * 128) {
      const grown = new Uint16Array(this.signatures.length * 2);
      grown.set(this.signatures);
      this.signatures = grown;
    }
    this.signatures.set(fingerprints, slot * 128);
    this.entries[slot] = { key, shingles, hash };
    if (hash && !this.exact.has(hash)) this.exact.set(hash, key);
    while (this.lsh.size > this.capacity) this.forgetOldest();
    if (this.lsh.deadSlots > this.capacity) this.compact();
    return match;
  }

  private forgetOldest(): void {
    const entry = this.entries[this.oldest];
    if (entry?.hash && this.exact.get(entry.hash) === entry.key) this.exact.delete(entry.hash);
    this.entries[this.oldest] = undefined;
    this.contained.remove(this.oldest);
    this.lsh.remove(this.oldest++);
  }

  /** Rebuilds the LSH tables from the live texts, so forgotten ones stop taking memory. */
  private compact(): void {
    const lsh = new LshIndex(this.options.bands, this.options.rows, this.capacity);
    const entries: Entry[] = [];
    const signatures = new Uint16Array(this.signatures.length);
    const movedTo = new Map<number, number>();
    for (let slot = this.oldest; slot < this.entries.length; slot++) {
      const moved = lsh.adopt(this.lsh, slot);
      signatures.set(this.signatures.subarray(slot * 128, slot * 128 + 128), moved * 128);
      entries[moved] = this.entries[slot]!;
      movedTo.set(slot, moved);
    }
    this.contained.remap((slot) => movedTo.get(slot) ?? -1);
    this.lsh = lsh;
    this.entries = entries;
    this.signatures = signatures;
    this.oldest = 0;
  }

  /** Bytes held by the LSH tables and signatures. */
  memoryBytes(): number {
    return this.lsh.memoryBytes() + this.signatures.byteLength + this.contained.memoryBytes();
  }

  private find(
    hash: string | null,
    signature: Uint32Array,
    fingerprints: Uint16Array,
    shingles: number,
    sampled: SampledMatches,
  ): DuplicateMatch | undefined {
    // A handful of words ("Breaking", "Photo") repeats by chance: too little to call a copy.
    const same = hash && shingles >= MIN_EXACT_SHINGLES ? this.exact.get(hash) : undefined;
    if (same !== undefined)
      return { of: same, exact: true, jaccard: 1, containment: 1, newIsContained: true };
    if (shingles < this.options.minShingles) return undefined;
    let best: DuplicateMatch | undefined;
    let bestScore = 0;
    for (const slot of this.lsh.candidates(signature)) {
      const entry = this.entries[slot]!;
      const j = estimateJaccard(fingerprints, this.signatures.subarray(slot * 128, slot * 128 + 128));
      const newIsContained = shingles <= entry.shingles;
      const c = newIsContained
        ? containmentFromJaccard(j, shingles, entry.shingles)
        : containmentFromJaccard(j, entry.shingles, shingles);
      if (j < this.options.jaccard && c < this.options.containment) continue;
      const score = Math.max(j, c);
      if (score > bestScore) {
        bestScore = score;
        best = { of: entry.key, exact: false, jaccard: round(j), containment: round(c), newIsContained };
      }
    }
    // Texts of very different sizes, which LSH does not bring together: the smaller one's
    // samples found in the larger estimate its containment. With few samples (a short text)
    // that estimate is coarse, and from a low Jaccard estimate the other is too: their mean
    // decides (measured on SaudiNewsNet: the sampled estimate alone made twice as many false copies).
    for (let i = 0; i < sampled.slots.length; i++) {
      const shared = sampled.shared[i]!;
      if (shared < MIN_SHARED_SAMPLES) continue;
      const slot = sampled.slots[i]!;
      const entry = this.entries[slot]!;
      const newIsContained = shingles <= entry.shingles;
      const usable = newIsContained ? sampled.usable : this.contained.usableSamples(slot);
      const sampledContainment = usable === 0 ? 0 : Math.min(1, shared / usable);
      if (sampledContainment < this.options.containment) continue;
      const j = estimateJaccard(fingerprints, this.signatures.subarray(slot * 128, slot * 128 + 128));
      const fromJaccard = newIsContained
        ? containmentFromJaccard(j, shingles, entry.shingles)
        : containmentFromJaccard(j, entry.shingles, shingles);
      const c = (sampledContainment + fromJaccard) / 2;
      if (c < this.options.containment || c <= bestScore) continue;
      bestScore = c;
      best = { of: entry.key, exact: false, jaccard: round(j), containment: round(c), newIsContained };
    }
    return best;
  }
}

/** 16-bit fingerprints of a signature's values; an empty signature stays recognisably empty. */
function fingerprint(signature: Uint32Array): Uint16Array {
  const out = new Uint16Array(signature.length);
  if (isEmptySignature(signature)) return out.fill(0xffff);
  for (let i = 0; i < signature.length; i++) out[i] = (signature[i]! ^ (signature[i]! >>> 16)) & 0xffff;
  return out;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
