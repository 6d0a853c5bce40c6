import { mix32 } from './hash.js';
import { isEmptySignature } from './minhash.js';

/**
 * Locality-sensitive hashing over MinHash signatures by banding: a signature is cut into
 * `bands` bands of `rows` values, and two signatures become candidates when any band is
 * equal. The chance of that is 1 − (1 − J^rows)^bands for Jaccard similarity J, a steep
 * S-curve around (1/bands)^(1/rows). Everything lives in typed arrays: a bucket table of
 * chain heads (one bucket per band entry of capacity) and chains threaded through a `next`
 * array, about 12 bytes per band per document, and inserts never allocate per document. Removed slots are
 * skipped, not reclaimed: an owner with a sliding window rebuilds the index from its live
 * signatures once enough slots are dead.
 */
export class LshIndex {
  readonly bands: number;
  readonly rows: number;
  private tableHeads: Int32Array;
  private bandKeys: Uint32Array; // slot * bands + band
  private next: Int32Array; // same indexing: the next entry in the chain
  private alive: Uint8Array;
  private slots = 0;
  private dead = 0;
  private seen: Uint32Array;
  private stamp = 0;
  // The usual call pattern is candidates(s) then add(s): the band keys of the last signature
  // queried are kept so the add does not hash them again.
  private lastSignature: Uint32Array | undefined;
  private readonly lastKeys: Uint32Array;
  private readonly bandSeeds: Uint32Array;

  constructor(bands: number, rows: number, initialCapacity = 1024) {
    this.bands = bands;
    this.rows = rows;
    const capacity = Math.max(16, initialCapacity);
    this.bandKeys = new Uint32Array(capacity * bands);
    this.next = new Int32Array(capacity * bands);
    this.alive = new Uint8Array(capacity);
    this.seen = new Uint32Array(capacity);
    this.tableHeads = new Int32Array(nextPowerOfTwo(capacity * bands)).fill(-1);
    this.lastKeys = new Uint32Array(bands);
    // Each band's hash starts from its own seed; mixed once here rather than on every key.
    this.bandSeeds = Uint32Array.from({ length: bands }, (_, band) => mix32(band + 0x27d4eb2f));
  }

  /** Number of live documents. */
  get size(): number {
    return this.slots - this.dead;
  }

  /** Number of removed slots still taking space. */
  get deadSlots(): number {
    return this.dead;
  }

  /** Adds a signature (treated as immutable) and returns its slot number. An empty signature is stored but never matches. */
  add(signature: Uint32Array): number {
    if (this.slots === this.alive.length) this.grow();
    const slot = this.slots++;
    this.alive[slot] = 1;
    if (isEmptySignature(signature)) {
      this.bandKeys.fill(0, slot * this.bands, (slot + 1) * this.bands);
      return slot;
    }
    const reuse = this.lastSignature === signature;
    for (let band = 0; band < this.bands; band++) {
      const entry = slot * this.bands + band;
      this.bandKeys[entry] = reuse ? this.lastKeys[band]! : this.bandKey(signature, band);
      this.link(entry);
    }
    this.lastSignature = undefined;
    return slot;
  }

  /** Copies a live slot of another index (same banding) into this one, for compaction; returns the new slot. */
  adopt(from: LshIndex, slot: number): number {
    if (this.slots === this.alive.length) this.grow();
    const mine = this.slots++;
    this.alive[mine] = 1;
    for (let band = 0; band < this.bands; band++) {
      const entry = mine * this.bands + band;
      this.bandKeys[entry] = from.bandKeys[slot * from.bands + band]!;
      if (this.bandKeys[entry] !== 0) this.link(entry);
    }
    return mine;
  }

  /** Forgets a slot; its space is reclaimed when enough slots are dead. */
  remove(slot: number): void {
    if (slot >= this.slots || !this.alive[slot]) return;
    this.alive[slot] = 0;
    this.dead++;
  }

  /** Live slots sharing at least one band with the signature, each once. */
  candidates(signature: Uint32Array): number[] {
    const out: number[] = [];
    if (isEmptySignature(signature)) return out;
    this.stamp = (this.stamp + 1) >>> 0 || 1;
    if (this.stamp === 1) this.seen.fill(0);
    for (let band = 0; band < this.bands; band++) {
      const key = this.bandKey(signature, band);
      this.lastKeys[band] = key;
      let entry = this.tableHeads[key & (this.tableHeads.length - 1)]!;
      while (entry !== -1) {
        const slot = (entry / this.bands) | 0;
        if (this.bandKeys[entry] === key && this.alive[slot] && this.seen[slot] !== this.stamp) {
          this.seen[slot] = this.stamp;
          out.push(slot);
        }
        entry = this.next[entry]!;
      }
    }
    this.lastSignature = signature;
    return out;
  }

  /** Bytes held by the index's arrays. */
  memoryBytes(): number {
    return (
      this.tableHeads.byteLength +
      this.bandKeys.byteLength +
      this.next.byteLength +
      this.alive.byteLength +
      this.seen.byteLength
    );
  }

  private bandKey(signature: Uint32Array, band: number): number {
    let h = this.bandSeeds[band]!;
    const start = band * this.rows;
    for (let i = start; i < start + this.rows; i++)
      h = mix32((Math.imul(h, 0x9e3779b1) ^ signature[i]!) >>> 0);
    return h === 0 ? 1 : h; // 0 marks a slot with no band keys (an empty signature)
  }

  private link(entry: number): void {
    const bucket = this.bandKeys[entry]! & (this.tableHeads.length - 1);
    this.next[entry] = this.tableHeads[bucket]!;
    this.tableHeads[bucket] = entry;
  }

  /** Doubles the slot capacity and re-threads the chains. Dead slots keep their numbers. */
  private grow(): void {
    const capacity = this.alive.length * 2;
    const oldKeys = this.bandKeys;
    const oldAlive = this.alive;
    this.bandKeys = new Uint32Array(capacity * this.bands);
    this.bandKeys.set(oldKeys);
    this.alive = new Uint8Array(capacity);
    this.alive.set(oldAlive);
    this.seen = new Uint32Array(capacity);
    this.stamp = 0;
    this.next = new Int32Array(capacity * this.bands);
    this.tableHeads = new Int32Array(nextPowerOfTwo(capacity * this.bands)).fill(-1);
    for (let entry = 0; entry < this.slots * this.bands; entry++) {
      if (this.bandKeys[entry] !== 0) this.link(entry);
    }
  }
}

function nextPowerOfTwo(n: number): number {
  let p = 1;
  while (p < n) p *= 2;
  return p;
}
