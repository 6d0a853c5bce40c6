import { normaliseText } from '../text/normalise.js';
import { words } from '../text/tokens.js';

/** How much a copy differs from its original. */
export interface DiffSummary {
  /** Sentences of the original the copy kept word for word (after normalisation). */
  keptSentences: number;
  /** Sentences of the original missing from the copy (dropped or reworded). */
  removedSentences: number;
  /** Sentences of the copy not in the original (added or reworded). */
  addedSentences: number;
  /** Words of the copy that the original does not have, counted with repetition. */
  addedWords: number;
  /** Words of the original that the copy does not have. */
  removedWords: number;
  /** 0 for an identical text, 1 for nothing in common: changed words over all words of both. */
  changedShare: number;
}

const SENTENCE_BREAK = /(?<=[.!?؟。])\s+|\n+/u;

function sentences(text: string): string[] {
  return text
    .split(SENTENCE_BREAK)
    .map((s) => words(s).join(' '))
    .filter((s) => s !== '');
}

function counts(list: string[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const item of list) out.set(item, (out.get(item) ?? 0) + 1);
  return out;
}

/** Word and sentence level summary of how `copy` changed `original`. Cost is linear in the texts. */
export function diffSummary(original: string, copy: string): DiffSummary {
  const a = sentences(normaliseText(original));
  const b = sentences(normaliseText(copy));
  const inCopy = new Set(b);
  const inOriginal = new Set(a);
  const keptSentences = a.filter((s) => inCopy.has(s)).length;
  const originalWords = counts(words(original));
  const copyWords = counts(words(copy));
  let addedWords = 0;
  let removedWords = 0;
  let total = 0;
  for (const [word, n] of copyWords) {
    addedWords += Math.max(0, n - (originalWords.get(word) ?? 0));
    total += n;
  }
  for (const [word, n] of originalWords) {
    removedWords += Math.max(0, n - (copyWords.get(word) ?? 0));
    total += n;
  }
  return {
    keptSentences,
    removedSentences: a.length - keptSentences,
    addedSentences: b.filter((s) => !inOriginal.has(s)).length,
    addedWords,
    removedWords,
    changedShare: total === 0 ? 0 : Math.round(((addedWords + removedWords) / total) * 1000) / 1000,
  };
}
