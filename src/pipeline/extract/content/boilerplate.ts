/**
 * Paragraphs a source repeats on every article (a closing template with the headline or date
 * changing inside it, a subscription call) are recognised by a fingerprint that ignores the
 * middle of the paragraph and its digits: the first and last words. Short paragraphs are
 * fingerprinted whole.
 */
const EDGE_WORDS = 6;

export function paragraphFingerprint(paragraph: string): string {
  const words = paragraph
    .toLowerCase()
    .replace(/\d+/g, '0')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  if (words.length <= EDGE_WORDS * 3) return words.join(' ');
  return `${words.slice(0, EDGE_WORDS).join(' ')} … ${words.slice(-EDGE_WORDS).join(' ')}`;
}

/**
 * Learns a source's repeated paragraphs from several of its articles' paragraphs: those whose
 * fingerprint appears in at least `minShare` of the pages (and at least `minPages` of them).
 */
export function learnBoilerplate(pages: string[][], options: BoilerplateOptions = {}): Set<string> {
  return learnBoilerplateFingerprints(pages.map((paragraphs) => paragraphs.map(paragraphFingerprint)), options);
}

/** The same, from each page's paragraph fingerprints (as stored after extraction). */
export function learnBoilerplateFingerprints(pages: string[][], options: BoilerplateOptions = {}): Set<string> {
  return atLeast(pagesHolding(pages), votesNeeded(pages.length, options));
}

/**
 * The fingerprints to take out of the next page of a source, from its latest pages alone: those
 * that `learnBoilerplateFingerprints` would learn once the next page joins them, wherever that
 * page holds them. The page can then be extracted once, with its boilerplate already known.
 */
export function boilerplateForNextPage(recentPages: string[][], options: BoilerplateOptions = {}): Set<string> {
  // The next page holds each of its own paragraphs: one vote fewer is needed from the others.
  return atLeast(pagesHolding(recentPages), votesNeeded(recentPages.length + 1, options) - 1);
}

interface BoilerplateOptions {
  minPages?: number;
  minShare?: number;
}

function votesNeeded(pages: number, options: BoilerplateOptions): number {
  return Math.max(options.minPages ?? 3, Math.ceil(pages * (options.minShare ?? 0.5)));
}

/** How many pages hold each fingerprint. */
function pagesHolding(pages: string[][]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const fingerprints of pages) {
    for (const fingerprint of new Set(fingerprints)) {
      if (fingerprint) counts.set(fingerprint, (counts.get(fingerprint) ?? 0) + 1);
    }
  }
  return counts;
}

function atLeast(counts: Map<string, number>, needed: number): Set<string> {
  return new Set([...counts].filter(([, n]) => n >= needed).map(([f]) => f));
}

/** The paragraphs without those of the given fingerprints. */
export function removeBoilerplate(paragraphs: string[], fingerprints: ReadonlySet<string>): string[] {
  if (fingerprints.size === 0) return paragraphs;
  return paragraphs.filter((p) => !fingerprints.has(paragraphFingerprint(p)));
}
