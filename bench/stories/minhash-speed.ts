import { mix32 } from '../../src/pipeline/text/hash.js';
import { LshIndex } from '../../src/pipeline/text/lsh-index.js';
import { estimateJaccard, minhashSignature } from '../../src/pipeline/text/minhash.js';
import { shingleHashes, shingleStream } from '../../src/pipeline/text/shingles.js';
import { words } from '../../src/pipeline/text/tokens.js';
import { syntheticArticles } from './synthetic-news.js';

/** The classic k-permutation MinHash (as datasketch computes it): k hash evaluations per shingle. */
function classicSignature(shingles: Uint32Array, size: number): Uint32Array {
  const out = new Uint32Array(size).fill(0xffffffff);
  for (let p = 0; p < size; p++) {
    const a = mix32(p * 2 + 1) | 1;
    const b = mix32(p * 2 + 2);
    let min = 0xffffffff;
    for (let i = 0; i < shingles.length; i++) {
      const h = (Math.imul(a, shingles[i]!) + b) >>> 0;
      if (h < min) min = h;
    }
    out[p] = min;
  }
  return out;
}

/** Texts with planted near-duplicates: every tenth text is an edited copy of an earlier one. */
function textsWithCopies(count: number): string[] {
  const base = syntheticArticles(count, 500, 11).map((a) => a.text);
  for (let i = 10; i < count; i += 10) {
    const source = base[i - 7]!.split(' ');
    const edited = source.map((w, k) => (k % 25 === 0 ? 'edited' : w));
    base[i] = edited.slice(0, Math.floor(edited.length * (0.8 + (i % 3) * 0.1))).join(' ');
  }
  return base;
}

export interface MinhashSpeed {
  documents: number;
  newsdeskDocsPerSecond: number;
  classicDocsPerSecond: number;
  sample: number;
  exactPairsAboveThreshold: number;
  lshRecall: number;
  threshold: number;
}

/** Signature + LSH query + insert throughput, the classic MinHash beside it, and LSH recall against exact Jaccard. */
export function measureMinhash(documents = 20_000, sample = 5_000, threshold = 0.5): MinhashSpeed {
  const texts = textsWithCopies(documents);
  const tokenised = texts.map((t) => words(t));
  let started = performance.now();
  const index = new LshIndex(32, 4, documents);
  let sink = 0;
  for (const list of tokenised) {
    const stream = shingleStream(list);
    sink += stream.length;
    const signature = minhashSignature(stream);
    sink += index.candidates(signature).length;
    index.add(signature);
  }
  const newsdeskSeconds = (performance.now() - started) / 1000;
  if (sink < 0) throw new Error('unreachable: keeps the loop from being optimised away');
  const classicCount = Math.min(2_000, documents);
  started = performance.now();
  for (let i = 0; i < classicCount; i++) classicSignature(shingleHashes(tokenised[i]!), 128);
  const classicSeconds = (performance.now() - started) / 1000;

  const sets = tokenised.slice(0, sample).map((list) => shingleHashes(list));
  const signatures = sets.map((set) => minhashSignature(set));
  const sampleIndex = new LshIndex(32, 4, sample);
  const found = new Set<string>();
  signatures.forEach((signature, i) => {
    for (const j of sampleIndex.candidates(signature))
      if (estimateJaccard(signature, signatures[j]!) >= threshold - 0.1) found.add(`${j}:${i}`);
    sampleIndex.add(signature);
  });
  // Exact all-pairs Jaccard through an inverted index of shingles: only pairs sharing a shingle are counted.
  const postings = new Map<number, number[]>();
  let exact = 0;
  let recalled = 0;
  sets.forEach((set, i) => {
    const shared = new Map<number, number>();
    for (const shingle of set) {
      const list = postings.get(shingle);
      if (list) for (const j of list) shared.set(j, (shared.get(j) ?? 0) + 1);
      else postings.set(shingle, []);
      postings.get(shingle)!.push(i);
    }
    for (const [j, count] of shared) {
      if (count / (set.length + sets[j]!.length - count) >= threshold) {
        exact++;
        if (found.has(`${j}:${i}`)) recalled++;
      }
    }
  });
  return {
    documents,
    newsdeskDocsPerSecond: Math.round(documents / newsdeskSeconds),
    classicDocsPerSecond: Math.round(classicCount / classicSeconds),
    sample,
    exactPairsAboveThreshold: exact,
    lshRecall: exact === 0 ? 1 : recalled / exact,
    threshold,
  };
}
