import { createInterface } from 'node:readline/promises';
import type { App } from '../../app/create-app.js';
import { NewsdeskError } from '../../platform/errors.js';
import { findFeeds, type FeedLookup } from '../../pipeline/ingest/find-feeds.js';
import { COMMON_FEED_PATHS, type DiscoveredFeed } from '../../pipeline/parse/discover-feeds.js';
import { parseFeed } from '../../pipeline/parse/parse-feed.js';
import type { CliContext } from './context.js';

/** An address naming a feed or sitemap file is followed as given, without a request first. */
const FEED_FILE = /\.(xml|rss|rdf|atom|json)(\.gz)?$/i;
/** Fetch failures that may pass: the address is followed anyway and retried with backoff. */
const TRANSIENT = new Set(['SOURCE_UNREACHABLE', 'FETCH_TIMEOUT']);

/**
 * `source add URL`: a feed (or sitemap) is followed as is; a web page is searched for its
 * feeds, which are then added all (`--all`), chosen at a numbered prompt on a terminal, or
 * listed with guidance (exit 1) when there is no one to ask.
 */
export async function addWebSource(
  url: string,
  options: { all?: boolean },
  app: App,
  context: CliContext,
): Promise<void> {
  if (FEED_FILE.test(new URL(url).pathname)) return addAll([{ url, title: null }], app, context);
  const lookup = await lookUp(url, app);
  if (!lookup) return addAll([{ url, title: null }], app, context);
  if (lookup.kind === 'feed') return addAll([{ url, title: lookup.title }], app, context);
  const feeds = lookup.feeds;
  if (feeds.length === 0) {
    throw new NewsdeskError(
      'FEED_NOT_FOUND',
      `${lookup.url} is a web page that declares no feed and links to none, and none of ${COMMON_FEED_PATHS.join(', ')} on its site answers with a feed.`,
    );
  }
  if (options.all) return addAll(feeds, app, context);
  context.output.line(
    `${lookup.url} is a web page; it points to ${feeds.length} feed${feeds.length === 1 ? '' : 's'}:`,
  );
  feeds.forEach((feed, i) => context.output.line(describe(feed, i)));
  if (!process.stdin.isTTY) {
    process.stderr.write(
      'newsdesk: choose one: run `newsdesk source add FEED_URL` with one of the addresses above, or add them all with `--all`.\n',
    );
    return context.fail();
  }
  const chosen = await ask(feeds);
  if (chosen.length === 0) return context.output.line('Nothing added.');
  return addAll(chosen, app, context);
}

/** Fetches and classifies the address; null when it cannot be reached now (it is followed anyway). */
async function lookUp(url: string, app: App): Promise<FeedLookup | null> {
  try {
    // The process's own fetcher: the same limits, address guard and per-domain politeness as refreshes.
    return await findFeeds(url, { fetch: (address) => app.fetching.fetch(address), parseFeed });
  } catch (error) {
    const transient =
      error instanceof NewsdeskError &&
      (TRANSIENT.has(error.code) ||
        (error.code === 'FETCH_HTTP_STATUS' && Number(error.context?.status) >= 500));
    if (!transient) throw error;
    process.stderr.write(
      `newsdesk: cannot check ${url} now (${error.message}); following it as a feed, retried later.\n`,
    );
    return null;
  }
}

async function ask(feeds: DiscoveredFeed[]): Promise<DiscoveredFeed[]> {
  const prompt = createInterface({ input: process.stdin, output: process.stdout });
  try {
    const answer = (
      await prompt.question('Add which? Numbers separated by spaces or commas, "all", or nothing to cancel: ')
    )
      .trim()
      .toLowerCase();
    if (answer === 'all') return feeds;
    if (answer === '') return [];
    return answer.split(/[\s,]+/).map((token) => {
      const feed = /^\d+$/.test(token) ? feeds[Number(token) - 1] : undefined;
      if (!feed)
        throw new NewsdeskError(
          'USAGE',
          `${JSON.stringify(token)} is not one of the numbers 1 to ${feeds.length}.`,
        );
      return feed;
    });
  } finally {
    prompt.close();
  }
}

async function addAll(
  feeds: Array<{ url: string; title: string | null }>,
  app: App,
  context: CliContext,
): Promise<void> {
  let added = 0;
  for (const feed of feeds) {
    try {
      const source = await app.sources.add({ url: feed.url, title: feed.title }, app.clock.now());
      context.output.line(
        `Added source ${source.id}: ${source.url}.${feeds.length === 1 ? ' Run `newsdesk refresh` to fetch it now.' : ''}`,
      );
      added++;
    } catch (error) {
      // With several feeds, one already followed does not stop the others.
      if (!(feeds.length > 1 && error instanceof NewsdeskError && error.code === 'SOURCE_EXISTS'))
        throw error;
      context.output.line(`Already following ${feed.url}.`);
    }
  }
  if (added && feeds.length > 1) context.output.line('Run `newsdesk refresh` to fetch them now.');
}

function describe(feed: DiscoveredFeed, index: number): string {
  const how =
    feed.via === 'link'
      ? (feed.type ?? 'feed')
      : feed.via === 'anchor'
        ? 'linked from the page'
        : 'found at a common path';
  return `${String(index + 1).padStart(3)}. ${feed.url}${feed.title ? `  ${feed.title}` : ''}  (${how})`;
}
