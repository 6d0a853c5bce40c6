import type { SparseVector } from './article-vector.js';

/** When and how a story is checked for two events grown together. */
export interface StorySplitOptions {
  /** Each article is linked with this many of its story's articles most similar to it. */
  neighbours: number;
  /** A split-off part holds at least this many articles. */
  minPart: number;
  /** Story sizes at which the check runs; a story larger than the last is not checked again. */
  checkAtSizes: readonly number[];
  /** Articles whose vectors are kept for the check, most recent first (a bounded cost in memory). */
  rememberedArticles: number;
}

export const defaultStorySplitOptions: StorySplitOptions = {
  neighbours: 3,
  minPart: 3,
  checkAtSizes: [6, 8, 10, 12, 16, 20, 24, 32, 48, 64],
  rememberedArticles: 16_384,
};

/**
 * The parts a story falls into when each of its articles is linked only with its `neighbours`
 * most similar articles of the story, as positions in `vectors`, each part in arrival order and
 * the part of the first article first. Undefined when fewer than two parts hold `minPart`
 * articles: then the story is one event. Smaller parts stay with the first part.
 *
 * Why neighbours and not the centroid: two events of one kind (two fires at one supermarket
 * chain, two hosts named for the Oscars) share most of their words, so an article of the second
 * event can join the first one's story, and the centroid then welcomes the rest of both. But an
 * article's nearest articles are almost always reports of its own event (measured on ECB+: the
 * nearest is of the same event 98% of the time, against a pair AUC of 0.9), so the graph of
 * nearest neighbours falls apart into the two events.
 */
export function splitByNeighbours(
  vectors: readonly SparseVector[],
  idf: (id: number) => number,
  options: Pick<StorySplitOptions, 'neighbours' | 'minPart'> = defaultStorySplitOptions,
): number[][] | undefined {
  const n = vectors.length;
  if (n < options.minPart * 2) return undefined;
  const weighted = vectors.map((vector) => unitWeights(vector, idf));
  const similarity = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      const s = sparseDot(vectors[i]!.ids, weighted[i]!, vectors[j]!.ids, weighted[j]!);
      similarity[i * n + j] = s;
      similarity[j * n + i] = s;
    }
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const root = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  for (let i = 0; i < n; i++)
    for (const j of nearest(similarity, n, i, options.neighbours)) parent[root(i)] = root(j);
  const parts = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const r = root(i);
    const part = parts.get(r);
    if (part) part.push(i);
    else parts.set(r, [i]);
  }
  const large = [...parts.values()].filter((part) => part.length >= options.minPart);
  if (large.length < 2) return undefined;
  // Parts are in order of their first article, so the first holds article 0 when it is large.
  const first = large[0]!;
  for (const part of parts.values()) if (part.length < options.minPart) first.push(...part);
  first.sort((a, b) => a - b);
  return large;
}

/**
 * The `count` positions most similar to `i` (ties to the earlier article), by insertion into a
 * short sorted list: a story has at most a few dozen articles, and this runs for each of them.
 */
function nearest(similarity: Float64Array, n: number, i: number, count: number): number[] {
  const best: number[] = [];
  for (let j = 0; j < n; j++) {
    if (j === i) continue;
    const s = similarity[i * n + j]!;
    let at = best.length;
    while (at > 0 && similarity[i * n + best[at - 1]!]! < s) at--;
    if (at >= count) continue;
    best.splice(at, 0, j);
    if (best.length > count) best.pop();
  }
  return best;
}

/** The vector's TF-IDF weights with the current IDF, scaled to unit length. */
function unitWeights(vector: SparseVector, idf: (id: number) => number): Float64Array {
  const out = new Float64Array(vector.ids.length);
  let norm = 0;
  for (let i = 0; i < out.length; i++) {
    out[i] = vector.weights[i]! * idf(vector.ids[i]!);
    norm += out[i]! * out[i]!;
  }
  norm = Math.sqrt(norm) || 1;
  for (let i = 0; i < out.length; i++) out[i]! /= norm;
  return out;
}

/** Dot product of two sparse vectors whose ids are sorted ascending. */
function sparseDot(aIds: Uint32Array, a: Float64Array, bIds: Uint32Array, b: Float64Array): number {
  let dot = 0;
  for (let i = 0, j = 0; i < aIds.length && j < bIds.length;) {
    if (aIds[i] === bIds[j]) dot += a[i++]! * b[j++]!;
    else if (aIds[i]! < bIds[j]!) i++;
    else j++;
  }
  return dot;
}
