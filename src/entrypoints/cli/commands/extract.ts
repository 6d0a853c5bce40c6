import type { ExtractedArticle, ExtractInput } from '../../../pipeline/extract/types.js';
import { runFileOrBatch } from '../io.js';
import type { RegisterCommand } from './index.js';

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
    .action((source: string | undefined, flags: { batch?: string; url?: string }) =>
      runFileOrBatch(source, flags, context, {
        what: 'an HTML',
        accept: 'text/html, application/xhtml+xml;q=0.9, */*;q=0.5',
        handle: async ({ body, url, contentType }) => (await loadExtractor())({ html: body, url, contentType }),
        batchLine: (article) => ({ ...(article as ExtractedArticle) }),
      }),
    );
};

/** Loaded when an extract command runs, so that every other command starts without its cost. */
async function loadExtractor(): Promise<(input: ExtractInput) => ExtractedArticle> {
  return (await import('../../../pipeline/extract/extract-article.js')).extractArticle;
}
