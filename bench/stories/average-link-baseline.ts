import { bestCut, type Link } from './best-cut.js';
import type { ClusteringScores } from './clustering-metrics.js';
import { cosine, tfidfVectors, type PeerTerms } from './tfidf.js';

/** Lowest similarity at which the peer still merges: below it every cut scores worse. */
const LOWEST_CUT = 0.02;

/**
 * The strong offline peer: the whole set at once (IDF from every text), TF-IDF cosine over all
 * pairs, average-link agglomerative clustering, and the best of every cut from 0.02 to 0.8 chosen
 * with the answers in hand. No stream can see the whole set or choose its threshold against the
 * gold stories; this is what bag-of-words similarity achieves with hindsight.
 */
export function bestAverageLink(
  texts: readonly string[],
  gold: readonly string[],
  terms: PeerTerms = { nameWeight: 2 },
): ClusteringScores & { threshold: number } {
  // Average linkage never merges higher than an earlier merge, so each cut keeps a prefix of the
  // merges, and joining their two sides gives its clusters.
  return bestCut(texts.length, averageLinkMerges(tfidfVectors(texts, terms)), gold, LOWEST_CUT);
}

/**
 * The merges of average-link clustering, most similar first, down to LOWEST_CUT. The similarity
 * of a merged cluster to another is the size-weighted mean of its parts' (Lance–Williams); each
 * cluster remembers its nearest neighbour, so a merge rescans only the rows that pointed at it.
 */
function averageLinkMerges(vectors: readonly Map<string, number>[]): Link[] {
  const n = vectors.length;
  const similarity = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      const s = cosine(vectors[i]!, vectors[j]!);
      similarity[i * n + j] = s;
      similarity[j * n + i] = s;
    }
  const size = new Float64Array(n).fill(1);
  const active = new Uint8Array(n).fill(1);
  const nearest = new Int32Array(n);
  const nearestSimilarity = new Float64Array(n);
  const rescan = (i: number) => {
    nearest[i] = -1;
    nearestSimilarity[i] = -Infinity;
    for (let k = 0; k < n; k++)
      if (k !== i && active[k] && similarity[i * n + k]! > nearestSimilarity[i]!) {
        nearest[i] = k;
        nearestSimilarity[i] = similarity[i * n + k]!;
      }
  };
  for (let i = 0; i < n; i++) rescan(i);
  const merges: Link[] = [];
  for (let step = 1; step < n; step++) {
    let a = -1;
    for (let i = 0; i < n; i++)
      if (active[i] && (a < 0 || nearestSimilarity[i]! > nearestSimilarity[a]!)) a = i;
    const b = nearest[a]!;
    if (b < 0 || nearestSimilarity[a]! < LOWEST_CUT) break;
    merges.push({ similarity: nearestSimilarity[a]!, a, b });
    for (let k = 0; k < n; k++) {
      if (!active[k] || k === a || k === b) continue;
      const merged =
        (size[a]! * similarity[a * n + k]! + size[b]! * similarity[b * n + k]!) / (size[a]! + size[b]!);
      similarity[a * n + k] = merged;
      similarity[k * n + a] = merged;
    }
    size[a]! += size[b]!;
    active[b] = 0;
    for (let k = 0; k < n; k++) if (active[k] && (k === a || nearest[k] === a || nearest[k] === b)) rescan(k);
  }
  return merges;
}
