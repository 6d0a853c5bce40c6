import { parseFeed } from '../../../pipeline/parse/parse-feed.js';
import { runFileOrBatch } from '../io.js';
import type { RegisterCommand } from './index.js';

/**
 * `newsdesk parse-feed FILE|URL` prints the normalised feed as JSON;
 * `newsdesk parse-feed --batch MANIFEST.jsonl` answers each `{"id","file","url"?}` line with
 * `{"id","feed"}` or `{"id","error"}`, in order.
 */
export const registerParseFeed: RegisterCommand = (program, context) => {
  program
    .command('parse-feed')
    .description('parse an RSS, Atom, RDF or JSON feed (a file, a .gz file or an http(s) address) and print it as JSON')
    .argument('[source]', 'feed file or http(s) address')
    .option('--batch <manifest>', 'JSON-lines manifest of {"id","file","url"?}; one JSON line out per line in')
    .option('--url <url>', "the feed's own address, the base for relative links")
    .action((source: string | undefined, flags: { batch?: string; url?: string }) =>
      runFileOrBatch(source, flags, context, {
        what: 'a feed',
        handle: async ({ body, url, contentType }) => parseFeed(body, { url, contentType }),
        batchLine: (feed) => ({ feed }),
      }),
    );
};
