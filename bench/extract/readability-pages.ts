import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DOMParser } from 'linkedom';
import { extractArticle } from '../../src/pipeline/extract/extract-article.js';
import { report } from '../support/report.js';
import { corpusDir, gunzip, readCompressed, readJson } from './corpus.js';
import { runReadability } from './peer-readability.js';
import { looselyEqual, shingleF1 } from './scores.js';

interface ExpectedMetadata {
  title?: string | null;
  byline?: string | null;
  lang?: string | null;
  dir?: string | null;
}

const FIELDS = ['title', 'byline', 'lang', 'dir'] as const;

/**
 * Mozilla Readability's test pages: agreement of title, byline, lang and dir with the
 * expected metadata (loosely: case and punctuation aside; a missing dir counts as ltr), and
 * the 4-gram shingle F1 of the text against the text of the expected article.
 */
export function benchReadabilityPages(limit: number): void {
  const dir = join(corpusDir('mozilla-readability-test-pages'), 'pages');
  const cases = readdirSync(dir).sort().slice(0, limit);
  const agree = { ours: counts(), peer: counts() };
  let oursF = 0;
  let peerF = 0;
  for (const name of cases) {
    const source = readCompressed(join(dir, name, 'source.html.gz'));
    const expectedHtml = readCompressed(join(dir, name, 'expected.html.gz'));
    if (!source || !expectedHtml) continue;
    const expected = readJson<ExpectedMetadata>(join(dir, name, 'expected-metadata.json'));
    const expectedText = new DOMParser().parseFromString(`<html><body>${gunzip(expectedHtml).toString('utf8')}</body></html>`, 'text/html').body.textContent ?? '';
    const url = 'http://fakehost/test/page.html';
    let ours: Record<string, string | null> = { title: null, byline: null, lang: null, dir: null, text: '' };
    try {
      const article = extractArticle({ html: gunzip(source), url });
      ours = { title: article.title, byline: article.byline, lang: article.lang, dir: article.dir, text: article.text };
    } catch {
      // a failed extraction agrees on nothing and has no text
    }
    const peer = runReadability(gunzip(source), url);
    for (const field of FIELDS) {
      if (agrees(field, expected[field], ours[field])) agree.ours[field]++;
      if (agrees(field, expected[field], peer?.[field])) agree.peer[field]++;
    }
    oursF += shingleF1(expectedText, ours.text ?? '');
    peerF += shingleF1(expectedText, peer?.text ?? '');
  }
  const bench = 'extract/mozilla-readability-test-pages';
  const peerName = '@mozilla/readability on linkedom';
  for (const field of FIELDS) {
    report({ bench, name: `${field} agreement`, value: agree.ours[field] / cases.length, unit: '', peer: { name: peerName, value: agree.peer[field] / cases.length } });
  }
  report({ bench, name: 'text shingle F1 (mean)', value: oursF / cases.length, unit: '', peer: { name: peerName, value: peerF / cases.length }, goal: 'the peer passes by construction' });
}

function counts(): Record<(typeof FIELDS)[number], number> {
  return { title: 0, byline: 0, lang: 0, dir: 0 };
}

function agrees(field: (typeof FIELDS)[number], expected: string | null | undefined, got: string | null | undefined): boolean {
  if (field === 'dir') return (expected || 'ltr') === (got || 'ltr');
  if (field === 'lang') return (expected ?? '').toLowerCase() === (got ?? '').toLowerCase() || (!expected && !got);
  if (!expected) return !got;
  return looselyEqual(expected, got);
}
