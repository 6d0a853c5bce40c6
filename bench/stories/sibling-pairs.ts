import { cosine, tfidfVectors, type PeerTerms } from './tfidf.js';

/** One ECB+ document: its topic holds two events of one kind, and `cluster` says which. */
export interface TopicDocument {
  topic: number;
  cluster: string;
  text: string;
}

/**
 * How well TF-IDF cosine tells two reports of one event from a report of that event and one of
 * its sibling (the other event of the same kind in the topic): the area under the ROC curve over
 * every pair of documents in one topic. 1 means every same-event pair is more similar than every
 * sibling pair; 0.5 is chance. A clusterer built on this similarity cannot keep siblings apart
 * better than the pairs allow, whatever it does with them.
 */
export function siblingPairAuc(docs: readonly TopicDocument[], terms: PeerTerms): number {
  const vectors = tfidfVectors(
    docs.map((d) => d.text),
    terms,
  );
  const scored: { similarity: number; sameEvent: boolean }[] = [];
  for (let i = 0; i < docs.length; i++)
    for (let j = i + 1; j < docs.length; j++)
      if (docs[i]!.topic === docs[j]!.topic)
        scored.push({
          similarity: cosine(vectors[i]!, vectors[j]!),
          sameEvent: docs[i]!.cluster === docs[j]!.cluster,
        });
  return rocArea(scored);
}

/** Mann–Whitney: the share of (positive, negative) pairs the score orders right, ties counted half. */
function rocArea(scored: { similarity: number; sameEvent: boolean }[]): number {
  scored.sort((a, b) => a.similarity - b.similarity);
  let positives = 0;
  let rankSum = 0;
  for (let i = 0; i < scored.length;) {
    let end = i;
    while (end + 1 < scored.length && scored[end + 1]!.similarity === scored[i]!.similarity) end++;
    const meanRank = (i + end) / 2 + 1;
    for (let k = i; k <= end; k++)
      if (scored[k]!.sameEvent) {
        positives++;
        rankSum += meanRank;
      }
    i = end + 1;
  }
  const negatives = scored.length - positives;
  if (positives === 0 || negatives === 0) return NaN;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}
