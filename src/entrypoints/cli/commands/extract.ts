import { fetchUrl } from '../../../pipeline/fetch/fetch-url.js';
import type { ExtractedArticle, ExtractInput } from '../../../pipeline/extract/types.js';
import { NewsdeskError } from '../../../platform/errors.js';
import type { CliContext } from '../context.js';
import { manifestFile, readInputFile, runBatch } from '../io.js';
import type { RegisterCommand } from './index.js';

interface ExtractFlags {
  batch?: string;
  url?: string;
}

/**
 * `newsdesk extract FILE|URL` prints the extracted article as JSON;
 * `newsdesk extract --batch MANIFEST.jsonl` answers each `{"id","file","url"?}` line with the
 * article's fields or `{"id","error"}`, in order, one JSON line each.
 */
export const registerExtract: RegisterCommand = (program, context) => {
  program
    .command('extract')
    .description('extract the article (text, sanitised HTML, metadata) from an HTML page: a file, a .gz file or an http(s) address')
    .argument('[source]', 'HTML file or http(s) address')
    .option('--batch <manifest>', 'JSON-lines manifest of {"id","file","url"?}; one JSON line out per line in')
    .option('--url <url>', "the page's own address, for relative links and the date in its path")
    .action(async (source: string | undefined, flags: ExtractFlags) => {
      if (flags.batch !== undefined && source !== undefined) {
        throw new NewsdeskError('USAGE', 'Give either a FILE|URL or --batch MANIFEST.jsonl, not both.');
      }
      if (flags.batch !== undefined) {
        await runBatch(flags.batch, context.output, async (row) => {
          const url = typeof row.url === 'string' && row.url !== '' ? row.url : undefined;
          return { ...(await loadExtractor())({ html: await readInputFile(manifestFile(row)), url }) };
        });
        return;
      }
      if (source === undefined) throw new NewsdeskError('USAGE', 'Give an HTML FILE or URL, or --batch MANIFEST.jsonl.');
      context.output.line(JSON.stringify(await extractSource(source, flags.url, context), null, 2));
    });
};

async function extractSource(source: string, pageUrl: string | undefined, context: CliContext): Promise<ExtractedArticle> {
  if (!/^https?:\/\//i.test(source)) return (await loadExtractor())({ html: await readInputFile(source), url: pageUrl });
  const config = context.config();
  const fetched = await fetchUrl(source, {
    userAgent: config.userAgent,
    timeoutMs: config.fetchTimeoutMs,
    maxBytes: config.fetchMaxBytes,
    allowPrivateNetworks: config.allowPrivateNetworks,
    accept: 'text/html, application/xhtml+xml;q=0.9, */*;q=0.5',
  });
  return (await loadExtractor())({ html: fetched.body, url: pageUrl ?? fetched.finalUrl, contentType: fetched.contentType ?? undefined });
}

/** Loaded when an extract command runs, so that every other command starts without its cost. */
async function loadExtractor(): Promise<(input: ExtractInput) => ExtractedArticle> {
  return (await import('../../../pipeline/extract/extract-article.js')).extractArticle;
}
