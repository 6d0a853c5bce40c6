// Extraction benchmark: Newsdesk's extractor and @mozilla/readability on linkedom, side by side
// in the same run, over the shared corpus sets (read in place from NEWSDESK_CORPUS).
// Usage: node --import tsx bench/extract.bench.ts [trafilatura|htmldate|readability|postlight ...] [--limit N]
import { printTable } from './support/report.js';
import { benchHtmldateEval } from './extract/htmldate-eval.js';
import { benchPostlightFixtures } from './extract/postlight-fixtures.js';
import { benchReadabilityPages } from './extract/readability-pages.js';
import { benchTrafilaturaEval } from './extract/trafilatura-eval.js';

const args = process.argv.slice(2);
const limitAt = args.indexOf('--limit');
const limit = limitAt >= 0 ? Number(args[limitAt + 1]) : Infinity;
const named = args.filter((a, i) => !a.startsWith('--') && (limitAt < 0 || i !== limitAt + 1));
const sets: Record<string, (limit: number) => void> = {
  trafilatura: benchTrafilaturaEval,
  htmldate: benchHtmldateEval,
  readability: benchReadabilityPages,
  postlight: benchPostlightFixtures,
};
const unknown = named.filter((n) => !(n in sets));
if (unknown.length) {
  console.error(`Unknown set ${unknown.join(', ')}; available: ${Object.keys(sets).join(', ')}.`);
  process.exit(2);
}
for (const [name, run] of Object.entries(sets)) if (!named.length || named.includes(name)) run(limit);
printTable();
