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
 * Pages each extractor reads once before the pass over all pages: a worker extracts pages all
 * day, so its speed is the steady state, not the compilation of its first pages (that cold pass
 * is reported on its own).
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
  // Each extractor reads the pages in passes of its own, so that neither pays for the other's
  // garbage: first the warm-up pages (the cold pass), then all pages.
  const warmUp = pages.slice(0, WARM_UP_PAGES);
  const cold = { ours: readAll(warmUp, extractWithNewsdesk), peer: readAll(warmUp, extractWithReadability) };
  const timed = { ours: readAll(pages, extractWithNewsdesk), peer: readAll(pages, extractWithReadability) };
  const ours = emptyConfusion();
  const peer = emptyConfusion();
  pages.forEach((page, i) => {
    score(ours, page.entry, timed.ours.texts[i]!);
    score(peer, page.entry, timed.peer.texts[i]!);
    if (process.env.EXTRACT_BENCH_VERBOSE) logMisses(page.url, page.entry, timed.ours.texts[i]!);
  });
  const o = fMeasure(ours);
  const p = fMeasure(peer);
  const bench = 'extract/trafilatura-eval';
  const peerName = '@mozilla/readability on linkedom';
  report({ bench, name: 'F', value: o.f, unit: '', peer: { name: peerName, value: p.f }, goal: '>= 0.95 (trafilatura 0.924)' });
  report({ bench, name: 'precision', value: o.precision, unit: '', peer: { name: peerName, value: p.precision }, goal: 'trafilatura 0.906' });
  report({ bench, name: 'recall', value: o.recall, unit: '', peer: { name: peerName, value: p.recall }, goal: 'trafilatura 0.943' });
  report({ bench, name: 'accuracy', value: o.accuracy, unit: '', peer: { name: peerName, value: p.accuracy }, goal: 'trafilatura 0.923' });
  report({ bench, name: 'pages failed', value: timed.ours.failures, unit: 'pages', goal: `of ${pages.length}` });
  report({ bench, name: `speed on the first ${WARM_UP_PAGES} pages, compilation included`, value: cold.ours.pagesPerSecond, unit: 'pages/s', peer: { name: peerName, value: cold.peer.pagesPerSecond } });
  report({ bench, name: 'speed (after a warm-up)', value: timed.ours.pagesPerSecond, unit: 'pages/s', peer: { name: peerName, value: timed.peer.pagesPerSecond }, goal: '>= 100 and >= peer' });
}

type Page = { url: string; gz: Buffer | null };

const extractWithNewsdesk = (html: Buffer, url: string): string => extractArticle({ html, url }).text;
const extractWithReadability = (html: Buffer, url: string): string => runReadability(html, url)?.text ?? '';

/** One timed pass of an extractor over the pages, decompression included: texts, refusals, pages per second. */
function readAll(pages: Page[], extract: (html: Buffer, url: string) => string): { texts: string[]; failures: number; pagesPerSecond: number } {
  let failures = 0;
  const started = performance.now();
  const texts = pages.map((page) => {
    if (!page.gz) return '';
    try {
      return extract(gunzip(page.gz), page.url);
    } catch {
      failures++;
      return '';
    }
  });
  return { texts, failures, pagesPerSecond: (pages.length / (performance.now() - started)) * 1000 };
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
