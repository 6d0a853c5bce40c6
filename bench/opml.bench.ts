// OPML import over the real subscription lists of opml-news-feed-lists: how many feed outlines are read,
// how many land in the right category, and how fast — Newsdesk's tolerant reader beside a strict reader
// built on saxes (what a plain XML library gives), in the same run. The corpus is read in place from
// NEWSDESK_CORPUS (default ../shared/corpus, relative to the project root).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { SaxesParser } from 'saxes';
import { parseOpml } from '../src/pipeline/parse/opml.js';
import { printTable, report } from './support/report.js';

const corpus = resolve(process.env.NEWSDESK_CORPUS ?? '../shared/corpus');
const set = resolve(corpus, 'opml-news-feed-lists');
if (!existsSync(set)) {
  console.error(
    `The corpus set opml-news-feed-lists is not in ${corpus}. Set NEWSDESK_CORPUS to the folder that holds it.`,
  );
  process.exit(1);
}

interface Listing {
  path: string;
  bytes: Buffer;
  /** Feed outlines in the file, counted from the raw text: one `xmlUrl=` attribute each. */
  outlines: number;
  /** The category every feed of the file belongs to: the file's name in `with_category`, none otherwise. */
  category: string | null;
}
type Reader = (bytes: Buffer) => Array<{ url: string; category: string | null }>;

const files: Listing[] = [];
(function walk(dir: string) {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (name.endsWith('.opml')) {
      const bytes = readFileSync(path);
      const outlines = (bytes.toString('utf8').match(/\sxmlUrl\s*=/gi) ?? []).length;
      files.push({
        path: relative(set, path),
        bytes,
        outlines,
        category:
          path.includes('with_category') && !path.includes('without_category')
            ? basename(name, '.opml')
            : null,
      });
    }
  }
})(set);

/** The strict peer: a namespace-aware XML parser that stops at the first well-formedness error. */
const saxesReader: Reader = (bytes) => {
  const feeds: Array<{ url: string; category: string | null }> = [];
  const folders: Array<string | null> = [];
  const parser = new SaxesParser();
  parser.on('opentag', (tag) => {
    if (tag.name !== 'outline') return;
    const attr = (n: string) => (tag.attributes[n] as string | undefined)?.trim() || null;
    const url = attr('xmlUrl');
    const path = folders.filter((f): f is string => f !== null);
    if (url) feeds.push({ url, category: path.length ? path.join(' / ') : null });
    folders.push(url ? null : (attr('text') ?? attr('title')));
  });
  parser.on('closetag', (tag) => {
    if (tag.name === 'outline') folders.pop();
  });
  try {
    parser.write(bytes.toString('utf8')).close();
  } catch {
    // What was read before the error is what a strict import keeps.
  }
  return feeds;
};
const readers: Record<string, Reader> = { newsdesk: (bytes) => parseOpml(bytes).feeds, saxes: saxesReader };

const totals = { outlines: 0, files: files.length };
const read: Record<string, { feeds: number; rightCategory: number; complete: number }> = {};
for (const file of files) totals.outlines += file.outlines;
for (const [name, reader] of Object.entries(readers)) {
  const tally = { feeds: 0, rightCategory: 0, complete: 0 };
  for (const file of files) {
    const feeds = reader(file.bytes);
    tally.feeds += feeds.length;
    tally.rightCategory += feeds.filter((f) => f.category === file.category).length;
    if (feeds.length === file.outlines) tally.complete++;
    else if (name === 'newsdesk')
      console.error(`newsdesk read ${feeds.length} of ${file.outlines} feeds in ${file.path}`);
  }
  read[name] = tally;
}

const pct = (n: number, of: number) => (100 * n) / of;
const ours = read.newsdesk!;
const peer = read.saxes!;
report({
  bench: 'opml',
  name: `feed outlines read (${totals.outlines} in ${totals.files} files)`,
  unit: '%',
  value: pct(ours.feeds, totals.outlines),
  peer: { name: 'saxes', value: pct(peer.feeds, totals.outlines) },
  goal: '100%',
});
report({
  bench: 'opml',
  name: 'feeds filed under the right category',
  unit: '%',
  value: pct(ours.rightCategory, totals.outlines),
  peer: { name: 'saxes', value: pct(peer.rightCategory, totals.outlines) },
  goal: '100%',
});
report({
  bench: 'opml',
  name: 'files read completely',
  unit: '%',
  value: pct(ours.complete, totals.files),
  peer: { name: 'saxes', value: pct(peer.complete, totals.files) },
});

const rounds = Number(process.env.NEWSDESK_BENCH_ROUNDS ?? 20);
const speed: Record<string, number> = {};
for (const [name, reader] of Object.entries(readers)) {
  for (const file of files) reader(file.bytes); // warm up
  const started = process.hrtime.bigint();
  for (let r = 0; r < rounds; r++) for (const file of files) reader(file.bytes);
  speed[name] = (rounds * files.length) / (Number(process.hrtime.bigint() - started) / 1e9);
}
report({
  bench: 'opml',
  name: `speed (${rounds} rounds)`,
  unit: 'files/s',
  value: speed.newsdesk!,
  peer: { name: 'saxes', value: speed.saxes! },
});
printTable();
