import { contentTerms } from '../../src/pipeline/text/tokens.js';
import { scoreClustering, type ClusteringScores } from './clustering-metrics.js';

/**
 * The naive peer: TF-IDF cosine over all pairs (with IDF from the whole set, which a stream
 * cannot have), then single-link clustering at every threshold, keeping the best one.
 */
export function bestSingleLink(
  texts: readonly string[],
  gold: readonly string[],
): ClusteringScores & { threshold: number } {
  const termLists = texts.map((t) => contentTerms(t));
  const df = new Map<string, number>();
  for (const list of termLists) for (const term of new Set(list)) df.set(term, (df.get(term) ?? 0) + 1);
  const vectors = termLists.map((list) => {
    const tf = new Map<string, number>();
    for (const term of list) tf.set(term, (tf.get(term) ?? 0) + 1);
    const v = new Map<string, number>();
    let norm = 0;
    for (const [term, count] of tf) {
      const w = (1 + Math.log(count)) * Math.log(texts.length / df.get(term)!);
      v.set(term, w);
      norm += w * w;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [term, w] of v) v.set(term, w / norm);
    return v;
  });
  const pairs: [number, number, number][] = [];
  for (let i = 0; i < vectors.length; i++) {
    for (let j = i + 1; j < vectors.length; j++) {
      let dot = 0;
      const [small, large] =
        vectors[i]!.size < vectors[j]!.size ? [vectors[i]!, vectors[j]!] : [vectors[j]!, vectors[i]!];
      for (const [term, w] of small) dot += w * (large.get(term) ?? 0);
      if (dot > 0.02) pairs.push([dot, i, j]);
    }
  }
  let best: (ClusteringScores & { threshold: number }) | undefined;
  for (let threshold = 0.05; threshold <= 0.8; threshold += 0.01) {
    const parent = texts.map((_, i) => i);
    const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
    for (const [sim, i, j] of pairs) if (sim >= threshold) parent[find(i)] = find(j);
    const scores = scoreClustering(
      texts.map((_, i) => String(find(i))),
      gold,
    );
    if (!best || scores.bcubedF1 > best.bcubedF1)
      best = { ...scores, threshold: Math.round(threshold * 100) / 100 };
  }
  return best!;
}
