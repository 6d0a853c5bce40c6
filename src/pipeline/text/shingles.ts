import { hash32, mix32 } from './hash.js';

/** Default shingle length in words: long enough that copies share them and unrelated texts do not. */
export const DEFAULT_SHINGLE_WORDS = 3;

/** Most shingles taken from one text, so an enormous input has a bounded cost. */
export const MAX_SHINGLES = 20_000;

// Int32 so Math.imul reads them as small integers, not as doubles from a plain array.
const POSITION_MULTIPLIERS = Int32Array.from([
  0x9e3779b1, 0x85ebca77, 0xc2b2ae3d, 0x27d4eb2f, 0x165667b1, 0xd3a2646c, 0xfd7046c5, 0xb55a4f09,
]);

/**
 * Hashes of the overlapping word n-grams of a word list, in text order, repeats included:
 * the cheap form MinHash needs. A text shorter than n words gives one shingle of all its
 * words (or none when it has no words), so a one-word text never matches a longer one.
 */
export function shingleStream(words: readonly string[], n = DEFAULT_SHINGLE_WORDS): Uint32Array {
  if (words.length === 0) return new Uint32Array(0);
  const wordCount = Math.min(words.length, MAX_SHINGLES + n);
  const wordHashes = new Uint32Array(wordCount);
  for (let i = 0; i < wordCount; i++) wordHashes[i] = hash32(words[i]!);
  const count = Math.max(1, Math.min(wordCount - n + 1, MAX_SHINGLES));
  // Shingle i is written over word hash i once words i..i+n-1 are read; later shingles read
  // only later words, so one array serves both and a text allocates once.
  const out = wordHashes;
  if (n === 3 && wordCount >= 3) {
    // The default length, unrolled: the same sums as the loop below, a tenth of the shingling cost saved.
    const [m0, m1, m2] = POSITION_MULTIPLIERS;
    for (let i = 0; i < count; i++) {
      const h = (Math.imul(out[i]!, m0!) + Math.imul(out[i + 1]!, m1!) + Math.imul(out[i + 2]!, m2!)) | 0;
      out[i] = mix32(h >>> 0);
    }
    return count === wordCount ? out : out.subarray(0, count);
  }
  for (let i = 0; i < count; i++) {
    // Each position has its own odd multiplier, so "a b c" and "c b a" hash apart; one mix per shingle.
    const last = Math.min(n, wordCount - i);
    let h = 0;
    for (let j = 0; j < last; j++) h = (h + Math.imul(wordHashes[i + j]!, POSITION_MULTIPLIERS[j & 7]!)) | 0;
    out[i] = mix32(h >>> 0);
  }
  return count === wordCount ? out : out.subarray(0, count);
}

/** The shingle set of a word list: hashes sorted ascending, duplicates removed (for exact Jaccard and containment). */
export function shingleHashes(words: readonly string[], n = DEFAULT_SHINGLE_WORDS): Uint32Array {
  const out = shingleStream(words, n).sort();
  let unique = 0;
  for (let i = 0; i < out.length; i++) if (i === 0 || out[i] !== out[i - 1]) out[unique++] = out[i]!;
  return out.subarray(0, unique);
}
