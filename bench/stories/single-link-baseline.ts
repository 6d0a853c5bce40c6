import { scoreClustering, type ClusteringScores } from './clustering-metrics.js';
import { cosine, tfidfVectors } from './tfidf.js';

/**
 * The naive peer: TF-IDF cosine over all pairs (with IDF from the whole set, which a stream
 * cannot have), then single-link clustering at every threshold, keeping the best one.
 */
export function bestSingleLink(
  texts: readonly string[],
  gold: readonly string[],
): ClusteringScores & { threshold: number } {
  const vectors = tfidfVectors(texts);
  const pairs: [number, number, number][] = [];
  for (let i = 0; i < vectors.length; i++) {
    for (let j = i + 1; j < vectors.length; j++) {
      const dot = cosine(vectors[i]!, vectors[j]!);
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
