import type { ParsedFeed } from '../../../domain/feed.js';
import { fetchUrl } from '../../../pipeline/fetch/fetch-url.js';
import { parseFeed } from '../../../pipeline/parse/parse-feed.js';
import { NewsdeskError } from '../../../platform/errors.js';
import type { CliContext } from '../context.js';
import { manifestFile, readInputFile, runBatch } from '../io.js';
import type { RegisterCommand } from './index.js';

interface ParseFeedFlags {
  batch?: string;
  url?: string;
}

/**
 * `newsdesk parse-feed FILE|URL` prints the normalised feed as JSON;
 * `newsdesk parse-feed --batch MANIFEST.jsonl` answers each `{"id","file","url"?}` line with
 * `{"id","feed"}` or `{"id","error"}`, in order.
 */
export const registerParseFeed: RegisterCommand = (program, context) => {
  program
    .command('parse-feed')
    .description(
      'parse an RSS, Atom, RDF or JSON feed (a file, a .gz file or an http(s) address) and print it as JSON',
    )
    .argument('[source]', 'feed file or http(s) address')
    .option(
      '--batch <manifest>',
      'JSON-lines manifest of {"id","file","url"?}; one JSON line out per line in',
    )
    .option('--url <url>', "the feed's own address, the base for relative links")
    .action(async (source: string | undefined, flags: ParseFeedFlags) => {
      if (flags.batch !== undefined && source !== undefined) {
        throw new NewsdeskError('USAGE', 'Give either a FILE|URL or --batch MANIFEST.jsonl, not both.');
      }
      if (flags.batch !== undefined) {
        await runBatch(flags.batch, context.output, async (row) => {
          const url = typeof row.url === 'string' && row.url !== '' ? row.url : undefined;
          return { feed: parseFeed(await readInputFile(manifestFile(row)), { url }) };
        });
        return;
      }
      if (source === undefined)
        throw new NewsdeskError('USAGE', 'Give a feed FILE or URL, or --batch MANIFEST.jsonl.');
      const feed = await parseSource(source, flags.url, context);
      context.output.line(JSON.stringify(feed, null, 2));
    });
};

async function parseSource(
  source: string,
  baseUrl: string | undefined,
  context: CliContext,
): Promise<ParsedFeed> {
  if (!/^https?:\/\//i.test(source)) return parseFeed(await readInputFile(source), { url: baseUrl });
  const config = context.config();
  const fetched = await fetchUrl(source, {
    userAgent: config.userAgent,
    timeoutMs: config.fetchTimeoutMs,
    maxBytes: config.fetchMaxBytes,
    allowPrivateNetworks: config.allowPrivateNetworks,
  });
  return parseFeed(fetched.body, {
    url: baseUrl ?? fetched.finalUrl,
    contentType: fetched.contentType ?? undefined,
  });
}
