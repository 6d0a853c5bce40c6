import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { extractArticle } from '../../src/pipeline/extract/extract-article.js';
import { report } from '../support/report.js';
import { corpusDir, gunzip, readCompressed, readJson } from './corpus.js';
import { runReadability } from './peer-readability.js';
import { emptyConfusion, fMeasure, normaliseSpace, type Confusion } from './scores.js';

interface EvalEntry {
  file: string;
  with?: string[];
  without?: string[];
}

/**
 * Pages each extractor reads once, untimed, before the timed pass: a worker extracts pages all
 * day, so the figure is its steady state, not the compilation of its first pages.
 */
const WARM_UP_PAGES = 100;

/**
 * trafilatura's own evaluation: for each page, the `with` snippets found in the text are true
 * positives, those missing false negatives; `without` snippets found are false positives.
 * Summed over the corpus. Also the speed of both extractors on all these pages, decompression
 * and charset decoding included, after both have warmed up on the same first pages, each in a
 * timed pass of its own; and the speed of that first, cold pass.
 */
export function benchTrafilaturaEval(limit: number): void {
  const dir = corpusDir('trafilatura-eval');
  const entries = Object.entries(readJson<Record<string, EvalEntry>>(join(dir, 'evaldata.json'))).slice(0, limit);
  const pages = entries.map(([url, e]) => ({ url, entry: e, gz: readCompressed(join(dir, 'html', `${e.file}.gz`)) }));
  const cold = warmUp(pages.slice(0, WARM_UP_PAGES));
  const ours = emptyConfusion();
  const peer = emptyConfusion();
  // Each extractor reads all pages in a pass of its own, so that neither pays for the other's garbage.
  let failures = 0;
  let started = performance.now();
  const texts = pages.map((page) => {
    if (!page.gz) return '';
    try {
      return extractArticle({ html: gunzip(page.gz), url: page.url }).text;
    } catch {
      failures++;
      return '';
    }
  });
  const oursMs = performance.now() - started;
  started = performance.now();
  const peerTexts = pages.map((page) => (page.gz ? (runReadability(gunzip(page.gz), page.url)?.text ?? '') : ''));
  const peerMs = performance.now() - started;
  pages.forEach((page, i) => {
    score(ours, page.entry, texts[i]!);
    score(peer, page.entry, peerTexts[i]!);
    if (process.env.EXTRACT_BENCH_VERBOSE) logMisses(page.url, page.entry, texts[i]!);
  });
  const o = fMeasure(ours);
  const p = fMeasure(peer);
  const bench = 'extract/trafilatura-eval';
  const peerName = '@mozilla/readability on linkedom';
  report({ bench, name: 'F', value: o.f, unit: '', peer: { name: peerName, value: p.f }, goal: '>= 0.95 (trafilatura 0.924)' });
  report({ bench, name: 'precision', value: o.precision, unit: '', peer: { name: peerName, value: p.precision }, goal: 'trafilatura 0.906' });
  report({ bench, name: 'recall', value: o.recall, unit: '', peer: { name: peerName, value: p.recall }, goal: 'trafilatura 0.943' });
  report({ bench, name: 'accuracy', value: o.accuracy, unit: '', peer: { name: peerName, value: p.accuracy }, goal: 'trafilatura 0.923' });
  report({ bench, name: 'pages failed', value: failures, unit: 'pages', goal: `of ${pages.length}` });
  report({ bench, name: `speed on the first ${WARM_UP_PAGES} pages, compilation included`, value: cold.ours, unit: 'pages/s', peer: { name: peerName, value: cold.peer } });
  report({ bench, name: 'speed (after a warm-up)', value: (pages.length / oursMs) * 1000, unit: 'pages/s', peer: { name: peerName, value: (pages.length / peerMs) * 1000 }, goal: '>= 100 and >= peer' });
}

/** Reads the pages once with each extractor; answers each one's pages per second on this first, cold pass. */
function warmUp(pages: Array<{ url: string; gz: Buffer | null }>): { ours: number; peer: number } {
  let oursMs = 0;
  let peerMs = 0;
  for (const page of pages) {
    if (!page.gz) continue;
    let t = performance.now();
    try {
      extractArticle({ html: gunzip(page.gz), url: page.url });
    } catch {
      // Failures are counted in the timed pass.
    }
    oursMs += performance.now() - t;
    t = performance.now();
    runReadability(gunzip(page.gz), page.url);
    peerMs += performance.now() - t;
  }
  return { ours: (pages.length / oursMs) * 1000, peer: (pages.length / peerMs) * 1000 };
}

function score(c: Confusion, entry: EvalEntry, text: string): void {
  const normalised = normaliseSpace(text);
  for (const s of entry.with ?? []) {
    if (normalised.includes(normaliseSpace(s))) c.tp++;
    else c.fn++;
  }
  for (const s of entry.without ?? []) {
    if (normalised.includes(normaliseSpace(s))) c.fp++;
    else c.tn++;
  }
}

function logMisses(url: string, entry: EvalEntry, text: string): void {
  const normalised = normaliseSpace(text);
  const missing = (entry.with ?? []).filter((s) => !normalised.includes(normaliseSpace(s)));
  const extra = (entry.without ?? []).filter((s) => normalised.includes(normaliseSpace(s)));
  if (missing.length || extra.length) console.error(JSON.stringify({ url, file: entry.file, missing, extra, chars: text.length }));
}
