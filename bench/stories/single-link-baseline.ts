import { bestCut, type Link } from './best-cut.js';
import type { ClusteringScores } from './clustering-metrics.js';
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
  const links: Link[] = [];
  for (let i = 0; i < vectors.length; i++) {
    for (let j = i + 1; j < vectors.length; j++) {
      const similarity = cosine(vectors[i]!, vectors[j]!);
      if (similarity > 0.02) links.push({ similarity, a: i, b: j });
    }
  }
  return bestCut(texts.length, links, gold, 0.05);
}
