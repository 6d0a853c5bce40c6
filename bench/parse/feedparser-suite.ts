import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { decodeFeedBytes } from '../../src/pipeline/parse/detect-encoding.js';
import { mapPath, type Observed } from './feedparser-mapping.js';
import { compare } from './feedparser-compare.js';
import type { ParserUnderTest } from './peers.js';

interface Assertion {
  path: Array<string | number>;
  op: string;
  value?: unknown;
}
interface IndexRecord {
  file: string;
  suite: string;
  assertions: Assertion[] | null;
  http_headers: Array<[string, string]>;
}

export interface Tally {
  passed: number;
  total: number;
}
export interface FeedparserResult {
  /** Per parser: overall and per category. */
  scores: Map<string, { overall: Tally; byCategory: Map<string, Tally> }>;
  /** Reason → number of assertions excluded for it. */
  exclusions: Map<string, number>;
  /** A few of Newsdesk's failures, for reading. */
  failures: string[];
}

/** Folders whose every content assertion is outside what Newsdesk's parser is for. */
const EXCLUDED_FOLDERS: Array<[string, string]> = [
  [
    'wellformed/sanitize/',
    "HTML sanitising of feedparser's own output (Newsdesk keeps HTML as published and sanitises last, before display)",
  ],
  ['wellformed/cdf/', 'CDF (Microsoft Channel Definition Format, 1997): not a format Newsdesk reads'],
  ['wellformed/http/', 'HTTP response and feedparser internals (headers, etag, status, href, namespaces)'],
];

/**
 * feedparser's conformance assertions (its `index.json`), mapped onto Newsdesk's model and
 * applied to every parser alike. Assertions the model cannot express are excluded with a
 * reason; a parser that throws fails every mapped assertion of that file.
 */
export async function runFeedparserSuite(
  corpusDir: string,
  parsers: ParserUnderTest[],
): Promise<FeedparserResult> {
  const dir = join(corpusDir, 'feedparser-tests');
  const index = JSON.parse(await readFile(join(dir, 'index.json'), 'utf8')) as IndexRecord[];
  const scores: FeedparserResult['scores'] = new Map(
    parsers.map((p) => [p.name, { overall: { passed: 0, total: 0 }, byCategory: new Map() }]),
  );
  const exclusions = new Map<string, number>();
  const failures: string[] = [];
  const exclude = (reason: string, count = 1) =>
    exclusions.set(reason, (exclusions.get(reason) ?? 0) + count);

  for (const record of index) {
    if (!record.assertions) {
      exclude('expectation not mechanically translated upstream (compares two paths, ord(), isinstance)');
      continue;
    }
    const folder = EXCLUDED_FOLDERS.find(([prefix]) => record.file.startsWith(prefix));
    const applicable = record.assertions.flatMap((assertion) => {
      const mapping = mapPath(assertion.path);
      if (folder && !(folder[0] === 'wellformed/sanitize/' && assertion.path[0] === 'bozo')) {
        exclude(folder[1]);
        return [];
      }
      if (mapping.kind === 'excluded') {
        exclude(mapping.reason);
        return [];
      }
      return [{ assertion, mapping }];
    });
    if (!applicable.length) continue;
    const body = await readFile(join(dir, 'files', record.file));
    const headers = new Map(record.http_headers.map(([k, v]) => [k.toLowerCase(), v]));
    // feedparser's harness serves each file from this address; Content-Location overrides it.
    const documentUrl = `http://127.0.0.1:8097/tests/${record.file}`;
    const location = headers.get('content-location');
    const options = {
      contentType: headers.get('content-type'),
      url: location ? new URL(location, documentUrl).href : documentUrl,
    };
    for (const parser of parsers) {
      let observed: Observed | null = null;
      try {
        observed = { feed: await parser.parse(body, options) };
        if (parser.name === 'newsdesk')
          observed.encoding = decodeFeedBytes(body, options.contentType).encoding;
      } catch {
        observed = null;
      }
      const score = scores.get(parser.name)!;
      for (const { assertion, mapping } of applicable) {
        if (mapping.kind !== 'mapped') continue;
        // A parser that refuses the document has flagged it as not well-formed, as bozo does.
        const refusedIllFormed =
          observed === null && assertion.path[0] === 'bozo' && assertion.value === true;
        const ok =
          refusedIllFormed ||
          (observed !== null && holds(assertion, mapping.read(observed), mapping.compare));
        const tally = score.byCategory.get(mapping.category) ?? { passed: 0, total: 0 };
        score.byCategory.set(mapping.category, tally);
        for (const t of [tally, score.overall]) {
          t.total++;
          if (ok) t.passed++;
        }
        if (!ok && parser.name === 'newsdesk') {
          const actual = observed ? JSON.stringify(mapping.read(observed))?.slice(0, 120) : 'threw';
          failures.push(
            `${record.file} ${assertion.path.join('.')} ${assertion.op} ${JSON.stringify(assertion.value)?.slice(0, 120)} got ${actual}`,
          );
        }
      }
    }
  }
  return { scores, exclusions, failures };
}

function holds(assertion: Assertion, actual: unknown, comparison: Parameters<typeof compare>[2]): boolean {
  switch (assertion.op) {
    case '==':
    case 'is':
      return compare(actual, assertion.value, comparison);
    case '!=':
    case 'is not':
      return !compare(actual, assertion.value, comparison);
    case 'len==':
      return Array.isArray(actual) && actual.length === assertion.value;
    case 'truthy':
      return Array.isArray(actual) ? actual.length > 0 : Boolean(actual);
    case 'falsy':
      return Array.isArray(actual) ? actual.length === 0 : !actual;
    case 'contains':
    case 'in':
      return typeof actual === 'string'
        ? actual.includes(String(assertion.value))
        : Array.isArray(actual) && actual.includes(assertion.value);
    case 'not contains':
    case 'not in':
      return typeof actual === 'string'
        ? !actual.includes(String(assertion.value))
        : !(Array.isArray(actual) && actual.includes(assertion.value));
    default:
      return false;
  }
}
