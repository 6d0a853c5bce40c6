/** What a lookup found: the live slots sharing samples with a text, and the text's own counts. */
export interface SampledMatches {
  slots: number[];
  /** Samples each slot shares with the text (parallel to `slots`). */
  shared: number[];
  /** The text's samples that are not boilerplate: the denominator of its containment in a slot. */
  usable: number;
  /** Of those, the ones among the samples `add` would index. */
  indexedUsable: number;
}

/**
 * Finds the earlier texts that a new text is contained in, or that it contains, when the two
 * differ so much in size that their Jaccard similarity stays low and MinHash LSH cannot find
 * them: a wire story quoted whole inside a long article, one part of a statement sent in
 * parts, an excerpt. Shingles are sampled by content (Broder's modulo sampling): a shingle is
 * kept when the top bits of its hash are zero, so two texts keep the same shingles of what
 * they share, and the share of a text's samples found in another estimates its containment
 * there. Postings live in typed arrays chained through a `next` array, like the LSH index,
 * 16 bytes per sample; removed slots are skipped, and the owner remaps the live ones when it
 * compacts.
 */
export class ContainmentIndex {
  private readonly sampleShift: number;
  private readonly maxSamples: number;
  private readonly maxIndexed: number;
  private readonly commonLimit: number;
  private heads = new Int32Array(1024).fill(-1);
  private keys = new Uint32Array(1024);
  private owners = new Int32Array(1024);
  private next = new Int32Array(1024);
  private postings = 0;
  private alive = new Uint8Array(1024);
  private usable = new Uint16Array(1024);
  private hits = new Uint16Array(1024);
  private readonly touched: number[] = [];
  private readonly keyOwners: Int32Array;

  /**
   * `sampleBits`: one shingle in 2^sampleBits is sampled. `maxSamples`: most samples a text is
   * looked up by, so an enormous text has a bounded cost. `maxIndexed`: most of them kept for
   * later texts to find (the first ones: memory stays flat however long texts are, and a quote
   * of a long text's later part is found only when the quote comes first). `commonLimit`: a
   * sample found in more live texts than this is boilerplate (a formula every story of a
   * source repeats) and says nothing.
   */
  constructor(sampleBits = 4, maxSamples = 512, maxIndexed = 128, commonLimit = 48) {
    this.sampleShift = 32 - sampleBits;
    this.maxSamples = maxSamples;
    this.maxIndexed = maxIndexed;
    this.commonLimit = commonLimit;
    this.keyOwners = new Int32Array(commonLimit + 1);
  }

  /** The distinct sampled shingles of a shingle stream (hashes already mixed), in text order. */
  samples(stream: Uint32Array): Uint32Array {
    const out: number[] = [];
    for (let i = 0; i < stream.length && out.length < this.maxSamples; i++) {
      const h = stream[i]!;
      if (h >>> this.sampleShift === 0 && !out.includes(h)) out.push(h);
    }
    return Uint32Array.from(out);
  }

  /** The live slots that share samples with the given ones, and how many each shares. */
  matches(samples: Uint32Array): SampledMatches {
    const touched = this.touched;
    touched.length = 0;
    let usable = 0;
    let indexedUsable = 0;
    const mask = this.heads.length - 1;
    const owners = this.keyOwners;
    for (let i = 0; i < samples.length; i++) {
      const key = samples[i]!;
      // One walk of the chain gathers the live texts holding the sample; past the limit it is
      // boilerplate and counts for nothing.
      let live = 0;
      for (let p = this.heads[key & mask]!; p !== -1 && live <= this.commonLimit; p = this.next[p]!) {
        const owner = this.owners[p]!;
        if (this.keys[p] === key && this.alive[owner]) owners[live++] = owner;
      }
      if (live > this.commonLimit) continue;
      usable++;
      if (i < this.maxIndexed) indexedUsable++;
      for (let k = 0; k < live; k++) {
        const owner = owners[k]!;
        if (this.hits[owner] === 0) touched.push(owner);
        this.hits[owner]!++;
      }
    }
    const shared = touched.map((slot) => this.hits[slot]!);
    for (const slot of touched) this.hits[slot] = 0;
    return { slots: [...touched], shared, usable, indexedUsable };
  }

  /**
   * Indexes a text's first samples under its slot; `indexedUsable` is what `matches` said of
   * them: the denominator of this text's containment in a later one.
   */
  add(slot: number, samples: Uint32Array, indexedUsable: number): void {
    this.ensureSlot(slot);
    this.alive[slot] = 1;
    this.usable[slot] = Math.min(65_535, indexedUsable);
    const count = Math.min(samples.length, this.maxIndexed);
    for (let i = 0; i < count; i++) this.post(samples[i]!, slot);
  }

  /** How many usable samples of the text in a slot were indexed. */
  usableSamples(slot: number): number {
    return this.usable[slot] ?? 0;
  }

  remove(slot: number): void {
    if (slot < this.alive.length) this.alive[slot] = 0;
  }

  /** Rebuilds the postings of live slots under their new slot numbers (-1: dropped). */
  remap(newSlotOf: (slot: number) => number): void {
    const keys = this.keys.subarray(0, this.postings);
    const owners = this.owners.subarray(0, this.postings);
    const alive = this.alive;
    const usable = this.usable;
    this.keys = new Uint32Array(this.keys.length);
    this.owners = new Int32Array(this.keys.length);
    this.next = new Int32Array(this.keys.length);
    this.heads.fill(-1);
    this.alive = new Uint8Array(alive.length);
    this.usable = new Uint16Array(usable.length);
    this.postings = 0;
    for (let p = 0; p < keys.length; p++) {
      const slot = owners[p]!;
      if (!alive[slot]) continue;
      const moved = newSlotOf(slot);
      if (moved < 0) continue;
      this.ensureSlot(moved);
      this.alive[moved] = 1;
      this.usable[moved] = usable[slot]!;
      this.post(keys[p]!, moved);
    }
  }

  /** Bytes held by the index's arrays. */
  memoryBytes(): number {
    return (
      this.heads.byteLength +
      this.keys.byteLength +
      this.owners.byteLength +
      this.next.byteLength +
      this.alive.byteLength +
      this.usable.byteLength +
      this.hits.byteLength
    );
  }

  private post(key: number, slot: number): void {
    if (this.postings === this.keys.length) this.growPostings();
    const p = this.postings++;
    this.keys[p] = key;
    this.owners[p] = slot;
    const bucket = key & (this.heads.length - 1);
    this.next[p] = this.heads[bucket]!;
    this.heads[bucket] = p;
  }

  /** Doubles the posting arrays and the buckets (one per posting keeps chains short), relinking the chains. */
  private growPostings(): void {
    const size = this.keys.length * 2;
    this.keys = grown(this.keys, size);
    this.owners = grown(this.owners, size);
    this.next = grown(this.next, size);
    this.heads = new Int32Array(size).fill(-1);
    for (let p = 0; p < this.postings; p++) {
      const bucket = this.keys[p]! & (size - 1);
      this.next[p] = this.heads[bucket]!;
      this.heads[bucket] = p;
    }
  }

  private ensureSlot(slot: number): void {
    if (slot < this.alive.length) return;
    let size = this.alive.length;
    while (size <= slot) size *= 2;
    this.alive = grown(this.alive, size);
    this.usable = grown(this.usable, size);
    this.hits = grown(this.hits, size);
  }
}

function grown<T extends Uint8Array | Uint16Array | Uint32Array | Int32Array>(array: T, size: number): T {
  const out = new (array.constructor as new (length: number) => T)(size);
  out.set(array);
  return out;
}
