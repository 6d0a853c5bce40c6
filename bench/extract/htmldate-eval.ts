import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { extractArticle } from '../../src/pipeline/extract/extract-article.js';
import { ArticleTextRefused } from '../../src/pipeline/extract/text-refused.js';
import { report } from '../support/report.js';
import { corpusDir, gunzip, readCompressed, readJson } from './corpus.js';
import { runReadability } from './peer-readability.js';
import { emptyConfusion, fMeasure, type Confusion } from './scores.js';

/**
 * htmldate's evaluation at day resolution: a page's date equal to the gold day is a true
 * positive, another day a false positive, none a false negative. The page's own day is the
 * first ten characters of `published` (it keeps the stated offset).
 */
export function benchHtmldateEval(limit: number): void {
  const dir = corpusDir('htmldate-eval');
  for (const [subset, file, folder] of [
    ['eval_default', 'eval_default.json', 'html'],
    ['eval_mediacloud_2020', 'eval_mediacloud_2020.json', 'html-mediacloud2020'],
  ] as const) {
    if (!existsSync(join(dir, file))) {
      console.error(`htmldate-eval: ${file} is not in this copy of the corpus; that subset is skipped.`);
      continue;
    }
    const entries = Object.entries(readJson<Record<string, { file: string; date: string }>>(join(dir, file))).slice(0, limit);
    const ours = emptyConfusion();
    const peer = emptyConfusion();
    for (const [url, entry] of entries) {
      const gz = readCompressed(join(dir, folder, `${entry.file}.gz`));
      if (!gz) continue;
      let day: string | null = null;
      try {
        day = extractArticle({ html: gunzip(gz), url, now: new Date('2026-01-01T00:00:00Z') }).published?.slice(0, 10) ?? null;
      } catch (error) {
        // A page refused for its text (a paywall) still gives the date its metadata states.
        day = error instanceof ArticleTextRefused ? (error.page.published?.slice(0, 10) ?? null) : null;
      }
      const peerDay = runReadability(gunzip(gz), url)?.publishedTime?.slice(0, 10) ?? null;
      count(ours, day, entry.date);
      count(peer, peerDay, entry.date);
      if (process.env.EXTRACT_BENCH_VERBOSE && day !== entry.date) console.error(JSON.stringify({ url, file: entry.file, gold: entry.date, got: day }));
    }
    const o = fMeasure(ours);
    const p = fMeasure(peer);
    const goal = subset === 'eval_default' ? '>= 0.95 (htmldate extensive 0.949 on all 1000)' : 'no published per-subset score';
    report({ bench: `extract/htmldate-eval/${subset}`, name: 'publication day F', value: o.f, unit: '', peer: { name: '@mozilla/readability publishedTime', value: p.f }, goal });
    report({ bench: `extract/htmldate-eval/${subset}`, name: 'precision', value: o.precision, unit: '', peer: { name: '@mozilla/readability publishedTime', value: p.precision } });
    report({ bench: `extract/htmldate-eval/${subset}`, name: 'recall', value: o.recall, unit: '', peer: { name: '@mozilla/readability publishedTime', value: p.recall } });
  }
}

function count(c: Confusion, got: string | null, gold: string): void {
  if (!got) c.fn++;
  else if (got === gold) c.tp++;
  else c.fp++;
}
