/** Positions fit in the low bits of a sort key beside a 32-bit rank: 32 + 21 bits stay exact in a double. */
const POSITION_BITS = 21;
const POSITION_SPACE = 2 ** POSITION_BITS;
const INVERSE_POSITION_SPACE = 1 / POSITION_SPACE;
export const MAX_RANKED = POSITION_SPACE;

/**
 * The positions 0..length-1 of `ranks`, highest rank first, equal ranks in position order:
 * what a stable sort with `(a, b) => ranks[b] - ranks[a]` gives. Each position becomes one
 * number (the rank's float32 bits, inverted, above the position) and the numbers are sorted
 * natively, with no comparator called per comparison: ranking terms was a tenth of the cost
 * of placing an article. Ranks must not be NaN. Writes into `out` and uses `keys` as scratch
 * (both must hold `length` values; callers on a hot path pass their own) and returns the
 * filled part of `out`. With `limit`, only the first `limit` positions are returned (the same
 * ones, in the same order): the rest are set aside by selection, not sorted.
 */
export function positionsByRankDescending(
  ranks: Float32Array,
  length: number,
  out: Uint32Array = new Uint32Array(length),
  keys: Float64Array = new Float64Array(length),
  limit = length,
): Uint32Array {
  if (length > MAX_RANKED) throw new RangeError(`at most ${MAX_RANKED} ranks`);
  const bits = new Uint32Array(ranks.buffer, ranks.byteOffset, ranks.length);
  for (let i = 0; i < length; i++) {
    const raw = bits[i]! === 0x80000000 ? 0 : bits[i]!; // -0 ranks with +0, as subtraction says
    // Unsigned order of these equals numeric order of the floats, negative ones included.
    const ascending = raw & 0x80000000 ? ~raw >>> 0 : (raw | 0x80000000) >>> 0;
    keys[i] = (0xffffffff - ascending) * POSITION_SPACE + i;
  }
  const count = Math.min(limit, length);
  if (count < length) selectSmallest(keys, length, count);
  const sorted = keys.subarray(0, count).sort();
  for (let i = 0; i < count; i++) out[i] = positionOf(sorted[i]!);
  return out.subarray(0, count);
}

/**
 * Reorders `keys[0..length)` so that its `count` smallest values come first, in no particular
 * order (Hoare's selection; the keys are distinct, as positions make them).
 */
function selectSmallest(keys: Float64Array, length: number, count: number): void {
  let left = 0;
  let right = length - 1;
  while (left < right) {
    const middle = (left + right) >>> 1;
    const pivot = median(keys[left]!, keys[middle]!, keys[right]!);
    let i = left;
    let j = right;
    while (i <= j) {
      while (keys[i]! < pivot) i++;
      while (keys[j]! > pivot) j--;
      if (i <= j) {
        const swap = keys[i]!;
        keys[i++] = keys[j]!;
        keys[j--] = swap;
      }
    }
    if (count - 1 <= j) right = j;
    else if (count - 1 >= i) left = i;
    else return;
  }
}

function median(a: number, b: number, c: number): number {
  return a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
}

/**
 * Positions (all `count`, or those given) ordered by their ids, ascending; the ids are distinct.
 * The same packing as above, with the id above the position.
 */
export function positionsByIdAscending(ids: Uint32Array, positions: Uint32Array | number): Uint32Array {
  const count = typeof positions === 'number' ? positions : positions.length;
  if (count > MAX_RANKED) throw new RangeError(`at most ${MAX_RANKED} positions`);
  const keys = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const position = typeof positions === 'number' ? i : positions[i]!;
    keys[i] = ids[position]! * POSITION_SPACE + position;
  }
  keys.sort();
  const out = new Uint32Array(count);
  for (let i = 0; i < count; i++) out[i] = positionOf(keys[i]!);
  return out;
}

/** The position is a key's remainder; by power-of-two scaling, exact and cheaper than `%` on doubles. */
function positionOf(key: number): number {
  return key - Math.floor(key * INVERSE_POSITION_SPACE) * POSITION_SPACE;
}
