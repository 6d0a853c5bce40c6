import type { Config } from '../platform/config/config.js';
import type { Clock } from '../platform/clock.js';
import type { Logger } from '../platform/logger.js';
import { createFetching, type Fetching } from '../pipeline/fetch/create-fetching.js';
import { createSourceReader } from '../pipeline/fetch/read-source.js';
import type { ExtractionDependencies, ExtractionOutcome } from '../pipeline/ingest/extract-article-page.js';
import { decidePages, fetchArticlePage, type PageOutcome } from '../pipeline/ingest/fetch-article-page.js';
import { refreshSource, type RefreshOutcome } from '../pipeline/ingest/refresh-source.js';
import { parseFeed } from '../pipeline/parse/parse-feed.js';
import type { Store } from '../store/database.js';
import type { ArticleRepository } from '../store/repositories/articles.js';
import { ExtractionRepository } from '../store/repositories/extractions.js';
import { PageRepository } from '../store/repositories/pages.js';
import type { SourceRepository } from '../store/repositories/sources.js';
import { sampleFeedsDir } from './sample-feeds.js';

/** The ingestion flows with their dependencies bound: what jobs, commands and pages call. */
export interface IngestServices {
  readonly fetching: Fetching;
  readonly pages: PageRepository;
  readonly extractions: ExtractionRepository;
  refreshSource(sourceId: number): Promise<RefreshOutcome>;
  decidePages(): Promise<number[]>;
  fetchArticlePage(articleId: number, options: { finalAttempt: boolean }): Promise<PageOutcome>;
  extractArticlePage(articleId: number): Promise<ExtractionOutcome>;
}

/** Binds the ingestion orchestrators to this process's fetcher, repositories, clock and logger. */
export function createIngestServices(deps: {
  config: Config;
  store: Store;
  sources: SourceRepository;
  articles: ArticleRepository;
  clock: Clock;
  logger: Logger;
  /** Whether a WebSub hub pushes this source's content (it is then polled at the longest interval only). */
  receivesPushes(sourceId: number, now: number): Promise<boolean>;
}): IngestServices {
  const { config, sources, articles, clock, logger } = deps;
  const fetching = createFetching(config);
  const longestIntervalMs = Math.max(config.refreshMinMinutes, config.refreshMaxMinutes) * 60_000;
  const refreshDependencies = {
    sources,
    articles,
    readSource: createSourceReader({ ...fetching.options, sampleDir: sampleFeedsDir }),
    parseFeed,
    // Child sitemaps of a sitemap-index source, fetched with the same limits and guard as feeds.
    fetchDocument: (url: string) => fetching.fetch(url),
    clock,
    logger,
    pushPollIntervalMs: async (sourceId: number, now: number) => ((await deps.receivesPushes(sourceId, now)) ? longestIntervalMs : null),
    policy: {
      bounds: { minMs: config.refreshMinMinutes * 60_000, maxMs: longestIntervalMs, defaultMs: config.refreshIntervalMinutes * 60_000 },
      pauseAfterFailures: config.pauseAfterFailures,
    },
  };
  const pages = new PageRepository(deps.store.db);
  const pageDependencies = {
    pages,
    robots: fetching.robots,
    fetchPage: (url: string) => fetching.fetch(url, { accept: 'text/html, application/xhtml+xml;q=0.9, */*;q=0.1' }),
    clock,
    logger,
  };
  const extractions = new ExtractionRepository(deps.store.db);
  const extractionDependencies: Omit<ExtractionDependencies, 'extract'> = { pages, articles, extractions, clock, logger };
  return {
    fetching,
    pages,
    extractions,
    refreshSource: (sourceId) => refreshSource(sourceId, refreshDependencies),
    decidePages: () => decidePages(pageDependencies),
    fetchArticlePage: (articleId, options) => fetchArticlePage(articleId, pageDependencies, options),
    async extractArticlePage(articleId) {
      // The extractor (linkedom, chrono-node, language detection) takes most of a second to
      // load: it is loaded on first use, so a web process, which never extracts, starts fast.
      const [{ extractArticlePage }, { extractArticleAndPageText }] = await Promise.all([
        import('../pipeline/ingest/extract-article-page.js'),
        import('../pipeline/extract/extract-article.js'),
      ]);
      return extractArticlePage(articleId, { ...extractionDependencies, extract: extractArticleAndPageText });
    },
  };
}
