import { mix32 } from './hash.js';

/** Default signature length: 128 values estimate Jaccard similarity to about ±0.04. */
export const DEFAULT_SIGNATURE_SIZE = 128;

const EMPTY_BIN = 0xffffffff;

/**
 * MinHash signature by one-permutation hashing with densification (Shrivastava, ICML 2017):
 * each shingle is hashed once and falls into one of `size` bins, each bin keeps its minimum,
 * and empty bins borrow from the next filled bin to their right with a per-distance offset.
 * This costs O(shingles + size) instead of O(shingles × size), with the same estimator:
 * the share of equal positions in two signatures estimates their Jaccard similarity.
 * Repeated shingles change nothing, so an unsorted stream with repeats gives the same
 * signature as the set. `size` must be a power of two. An empty set gives an all-empty
 * signature that matches nothing.
 */
export function minhashSignature(shingles: Uint32Array, size = DEFAULT_SIGNATURE_SIZE): Uint32Array {
  const signature = new Uint32Array(size).fill(EMPTY_BIN);
  if (shingles.length === 0) return signature;
  const shift = 32 - Math.log2(size);
  for (let i = 0; i < shingles.length; i++) {
    // One mix per shingle: its top bits choose the bin, the remaining bits are the value.
    const h = mix32(shingles[i]! ^ 0x2545f491);
    const bin = h >>> shift;
    const value = (h << (32 - shift)) >>> 0;
    if (value < signature[bin]!) signature[bin] = value;
  }
  densify(signature);
  return signature;
}

/**
 * Each empty bin takes the value of the nearest filled bin to its right (wrapping), mixed with
 * the distance. One right-to-left pass: bins right of the one being filled have been read
 * before they were filled, and the wrap-around target is the first filled bin, never
 * filled by this pass; so no copy of which bins were filled is needed.
 */
function densify(signature: Uint32Array): void {
  const size = signature.length;
  let first = 0;
  while (first < size && signature[first] === EMPTY_BIN) first++;
  if (first === size) return;
  let nearest = first + size; // positions past the end wrap to `first`
  for (let i = size - 1; i >= 0; i--) {
    if (signature[i] !== EMPTY_BIN) {
      nearest = i;
      continue;
    }
    const distance = nearest - i;
    const source = signature[nearest < size ? nearest : nearest - size]!;
    signature[i] = mix32((source + Math.imul(distance, 0x61c88647)) >>> 0);
  }
}

/** True when the signature came from an empty text: it must never be called similar to anything. */
export function isEmptySignature(signature: Uint32Array | Uint16Array): boolean {
  return signature[0] === (signature instanceof Uint16Array ? 0xffff : EMPTY_BIN);
}

/**
 * Estimated Jaccard similarity of the two sets behind two signatures of the same size (full
 * signatures, or 16-bit fingerprints of them, whose all-ones first value also marks empty).
 */
export function estimateJaccard(a: Uint32Array | Uint16Array, b: Uint32Array | Uint16Array): number {
  if (isEmptySignature(a) || isEmptySignature(b)) return 0;
  let equal = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) equal++;
  return equal / a.length;
}
