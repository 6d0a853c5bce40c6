import { contentTerms, properNames } from '../../src/pipeline/text/tokens.js';

/** Which terms the peers weigh: content words alone, or also the names a text writes. */
export interface PeerTerms {
  /** Count each name (a run of capitalised words, and each of its words) this many times; 0 for none. */
  nameWeight: number;
}

/**
 * Unit TF-IDF vectors (sublinear term frequency) with IDF from the whole set, which a stream
 * cannot have: the peers see every text before they cluster any.
 */
export function tfidfVectors(
  texts: readonly string[],
  terms: PeerTerms = { nameWeight: 0 },
): Map<string, number>[] {
  const counts = texts.map((text) => {
    const tf = new Map<string, number>();
    for (const term of contentTerms(text)) tf.set(term, (tf.get(term) ?? 0) + 1);
    if (terms.nameWeight > 0)
      for (const name of properNames(text)) tf.set(`#${name}`, (tf.get(`#${name}`) ?? 0) + terms.nameWeight);
    return tf;
  });
  const df = new Map<string, number>();
  for (const tf of counts) for (const term of tf.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  return counts.map((tf) => {
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
}

/** Cosine of two unit vectors. */
export function cosine(a: Map<string, number>, b: Map<string, number>): number {
  const [small, large] = a.size < b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [term, w] of small) dot += w * (large.get(term) ?? 0);
  return dot;
}
