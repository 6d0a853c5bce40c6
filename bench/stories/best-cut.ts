import { scoreClustering, type ClusteringScores } from './clustering-metrics.js';

/** Two texts (by index) joined at a similarity. */
export interface Link {
  similarity: number;
  a: number;
  b: number;
}

/**
 * The peers' hindsight: for every cut from `lowest` to 0.8, the texts joined by all links at or
 * above it (connected components), scored against the gold stories; the best cut is kept.
 */
export function bestCut(
  count: number,
  links: readonly Link[],
  gold: readonly string[],
  lowest: number,
): ClusteringScores & { threshold: number } {
  let best: (ClusteringScores & { threshold: number }) | undefined;
  for (let cut = lowest; cut <= 0.8; cut += 0.01) {
    const parent = Array.from({ length: count }, (_, i) => i);
    const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
    for (const link of links) if (link.similarity >= cut) parent[find(link.a)] = find(link.b);
    const scores = scoreClustering(
      parent.map((_, i) => String(find(i))),
      gold,
    );
    if (!best || scores.bcubedF1 > best.bcubedF1)
      best = { ...scores, threshold: Math.round(cut * 100) / 100 };
  }
  return best!;
}
