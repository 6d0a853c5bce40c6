/**
 * A deterministic list of made-up words ("w1234"), the same for the same seed: texts for
 * shingle, MinHash and copy tests where only overlap matters, not meaning.
 */
export function pseudoWords(seed: number, length: number): string[] {
  const out: string[] = [];
  let state = seed;
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    out.push(`w${state % 5000}`);
  }
  return out;
}
