/** Counts of a confusion table and the figures derived from it. */
export interface Confusion {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

export function emptyConfusion(): Confusion {
  return { tp: 0, fp: 0, fn: 0, tn: 0 };
}

export function fMeasure(c: Confusion): { precision: number; recall: number; f: number; accuracy: number } {
  const precision = c.tp / Math.max(1, c.tp + c.fp);
  const recall = c.tp / Math.max(1, c.tp + c.fn);
  const f = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f, accuracy: (c.tp + c.tn) / Math.max(1, c.tp + c.tn + c.fp + c.fn) };
}

export function normaliseSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** F1 of word 4-gram shingles, as article-extraction-benchmark scores body text. */
export function shingleF1(expected: string, got: string): number {
  const a = shingles(expected);
  const b = shingles(got);
  if (a.size === 0 && b.size === 0) return 1;
  if (a.size === 0 || b.size === 0) return 0;
  let common = 0;
  for (const s of b) if (a.has(s)) common++;
  const precision = common / b.size;
  const recall = common / a.size;
  return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
}

function shingles(text: string): Set<string> {
  const words = text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const out = new Set<string>();
  if (words.length < 4) {
    if (words.length) out.add(words.join(' '));
    return out;
  }
  for (let i = 0; i + 4 <= words.length; i++) out.add(words.slice(i, i + 4).join(' '));
  return out;
}

/** Loose agreement for names and titles: case, whitespace, punctuation and a leading "By" ignored. */
export function looselyEqual(a: string | null | undefined, b: string | null | undefined): boolean {
  const n = (s: string | null | undefined) =>
    (s ?? '')
      .toLowerCase()
      .replace(/^\s*(by|von|par)\s+/, '')
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
  return n(a) === n(b);
}
