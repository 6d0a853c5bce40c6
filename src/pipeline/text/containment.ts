/**
 * Containment of one shingle set in another: |A ∩ B| / |A|. It is high when A is an excerpt
 * of B or B quotes most of A, where Jaccard similarity stays low because B is much longer.
 */

/** Exact size of the intersection of two sorted, duplicate-free hash arrays. */
export function intersectionSize(a: Uint32Array, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      shared++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return shared;
}

/** Exact containment of sorted set `a` in sorted set `b` (0 when `a` is empty). */
export function containment(a: Uint32Array, b: Uint32Array): number {
  return a.length === 0 ? 0 : intersectionSize(a, b) / a.length;
}

/** Exact Jaccard similarity of two sorted, duplicate-free hash arrays. */
export function jaccard(a: Uint32Array, b: Uint32Array): number {
  const shared = intersectionSize(a, b);
  const union = a.length + b.length - shared;
  return union === 0 ? 0 : shared / union;
}

/**
 * Containment of A in B estimated from a Jaccard estimate and the two set sizes, for when
 * only signatures are kept: |A ∩ B| = J (|A| + |B|) / (1 + J).
 */
export function containmentFromJaccard(jaccardEstimate: number, sizeA: number, sizeB: number): number {
  if (sizeA === 0) return 0;
  const shared = (jaccardEstimate * (sizeA + sizeB)) / (1 + jaccardEstimate);
  return Math.min(1, shared / sizeA);
}
