/**
 * Scores of a clustering against gold labels, over the same items: B-cubed precision,
 * recall and F1 (Bagga & Baldwin 1998), pairwise F1 over same-cluster pairs, and
 * normalised mutual information (arithmetic-mean normalisation).
 */
export interface ClusteringScores {
  bcubedPrecision: number;
  bcubedRecall: number;
  bcubedF1: number;
  pairwiseF1: number;
  nmi: number;
  clusters: number;
}

export function scoreClustering(predicted: readonly string[], gold: readonly string[]): ClusteringScores {
  const n = predicted.length;
  const joint = new Map<string, number>();
  const predictedSizes = new Map<string, number>();
  const goldSizes = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const key = `${predicted[i]}\u0000${gold[i]}`;
    joint.set(key, (joint.get(key) ?? 0) + 1);
    predictedSizes.set(predicted[i]!, (predictedSizes.get(predicted[i]!) ?? 0) + 1);
    goldSizes.set(gold[i]!, (goldSizes.get(gold[i]!) ?? 0) + 1);
  }
  let precision = 0;
  let recall = 0;
  let truePairs = 0;
  let mutual = 0;
  for (const [key, count] of joint) {
    const [p, g] = key.split('\u0000') as [string, string];
    const ps = predictedSizes.get(p)!;
    const gs = goldSizes.get(g)!;
    precision += (count * count) / ps;
    recall += (count * count) / gs;
    truePairs += (count * (count - 1)) / 2;
    mutual += (count / n) * Math.log((n * count) / (ps * gs));
  }
  precision /= n;
  recall /= n;
  const pairs = (sizes: Map<string, number>) =>
    [...sizes.values()].reduce((sum, s) => sum + (s * (s - 1)) / 2, 0);
  const predictedPairs = pairs(predictedSizes);
  const goldPairs = pairs(goldSizes);
  const pairwiseF1 = predictedPairs + goldPairs === 0 ? 1 : (2 * truePairs) / (predictedPairs + goldPairs);
  const entropy = (sizes: Map<string, number>) =>
    -[...sizes.values()].reduce((sum, s) => sum + (s / n) * Math.log(s / n), 0);
  const hp = entropy(predictedSizes);
  const hg = entropy(goldSizes);
  const nmi = hp + hg === 0 ? 1 : (2 * mutual) / (hp + hg);
  return {
    bcubedPrecision: precision,
    bcubedRecall: recall,
    bcubedF1: (2 * precision * recall) / (precision + recall),
    pairwiseF1,
    nmi,
    clusters: predictedSizes.size,
  };
}
