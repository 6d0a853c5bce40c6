import type { Config } from '../platform/config/config.js';
import { systemClock, type Clock } from '../platform/clock.js';
import type { Logger } from '../platform/logger.js';
import { createFetching, type Fetching } from '../pipeline/fetch/create-fetching.js';
import { createSourceReader } from '../pipeline/fetch/read-source.js';
import { refreshSource, type RefreshOutcome } from '../pipeline/ingest/refresh-source.js';
import { parseFeed } from '../pipeline/parse/parse-feed.js';
import { postToHub } from '../pipeline/websub/hub-request.js';
import { createWebSubscriber, type WebSubscriber } from '../pipeline/websub/websub-subscriber.js';
import { openStore, type Store } from '../store/database.js';
import { migrateToLatest, pendingMigrations } from '../store/migrate.js';
import { ArticleRepository } from '../store/repositories/articles.js';
import { SourceRepository } from '../store/repositories/sources.js';
import { WebSubRepository } from '../store/repositories/websub.js';
import { JobRepository } from '../store/repositories/jobs.js';
import { JobCatalogue } from '../jobs/catalogue.js';
import { JobQueue } from '../jobs/job-queue.js';
import { refreshDueSourcesJob, sourceRefreshJob } from '../jobs/kinds/source-refresh.js';
import { decidePagesJob, pageExtractJob, pageFetchJob } from '../jobs/kinds/article-pages.js';
import { extractArticlePage, type ExtractionDependencies, type ExtractionOutcome } from '../pipeline/ingest/extract-article-page.js';
import { extractArticle } from '../pipeline/extract/extract-article.js';
import { ExtractionRepository } from '../store/repositories/extractions.js';
import { decidePages, fetchArticlePage, type PageDependencies } from '../pipeline/ingest/fetch-article-page.js';
import { PageRepository } from '../store/repositories/pages.js';
import { StoryRepository } from '../store/repositories/stories.js';
import { StoryAssigner } from '../pipeline/ingest/assign-stories.js';
import { assignStoriesJob } from '../jobs/kinds/stories.js';
import { webSubJobs } from '../jobs/kinds/websub.js';
import { pruneFinishedJobs } from '../jobs/prune-finished.js';
import { recurring, Scheduler } from '../jobs/scheduler.js';
import { Worker } from '../jobs/worker.js';
import type { AuthService } from './auth/auth-service.js';
import { createAuthService } from './auth/create-auth-service.js';
import { sampleFeedsDir } from './sample-feeds.js';

/**
 * The application: every concrete object, built once and wired here — the only place
 * that does so. Entry points (CLI, server, worker) receive it and call its services.
 */
export interface App {
  readonly config: Config;
  readonly logger: Logger;
  readonly clock: Clock;
  readonly store: Store;
  readonly sources: SourceRepository;
  readonly articles: ArticleRepository;
  /** Stories and the assignment of articles to them. */
  readonly stories: StoryRepository;
  /** This process's story assigner: its clusterer stays warm between jobs. */
  readonly storyAssigner: StoryAssigner;
  /** The fetcher of this process: limits, per-host politeness and the robots.txt cache, shared by every fetch. */
  readonly fetching: Fetching;
  /** Users, sign-in and sessions. */
  readonly auth: AuthService;
  /** Refreshes one source now (the same path the scheduler's job takes). */
  refreshSource(sourceId: number): Promise<RefreshOutcome>;
  readonly jobs: JobRepository;
  readonly queue: JobQueue;
  readonly catalogue: JobCatalogue;
  /** A worker for this process, running every registered job kind (started by the caller). */
  createWorker(): Worker;
  /** The scheduler of recurring jobs, such as checking which sources are due (started by the caller). */
  createScheduler(): Scheduler;
  /** The WebSub subscriber; null when NEWSDESK_PUBLIC_URL is unset (hubs could not call back). */
  readonly webSub: WebSubscriber | null;
  readonly extractions: ExtractionRepository;
  /** Extracts (again) one article from its fetched page; what the `pages.extract` job and `reextract` run. */
  extractArticlePage(articleId: number): Promise<ExtractionOutcome>;
  /** Migration names this version knows that the database has not applied. */
  pendingMigrations(): Promise<string[]>;
  close(): Promise<void>;
}

export interface CreateAppOptions {
  /** Apply pending migrations before anything else. */
  migrate: boolean;
  clock?: Clock;
  /** An already-open store (tests); the app then leaves closing it to the caller. */
  store?: Store;
}

export async function createApp(config: Config, logger: Logger, options: CreateAppOptions): Promise<App> {
  const clock = options.clock ?? systemClock;
  const ownsStore = !options.store;
  const store = options.store ?? (await openStore(config.database));
  try {
    if (options.migrate) {
      const applied = await migrateToLatest(store);
      if (applied.length) logger.info({ event: 'migrations_applied', migrations: applied });
    }
  } catch (error) {
    if (ownsStore) await store.close();
    throw error;
  }
  const sources = new SourceRepository(store.db);
  const articles = new ArticleRepository(store.db, store.capabilities);
  const fetching = createFetching(config);
  const readSource = createSourceReader({ ...fetching.options, sampleDir: sampleFeedsDir });
  const refreshDependencies = {
    sources,
    articles,
    readSource,
    parseFeed,
    // Child sitemaps of a sitemap-index source, fetched with the same limits and guard as feeds.
    fetchDocument: (url: string) => fetching.fetch(url),
    clock,
    logger,
    // Sources whose content is pushed by a WebSub hub are polled at the longest interval only.
    pushPollIntervalMs: async (sourceId: number, now: number) =>
      (await webSub?.receivesPushes(sourceId, now)) ? Math.max(config.refreshMinMinutes, config.refreshMaxMinutes) * 60_000 : null,
    policy: {
      bounds: {
        minMs: config.refreshMinMinutes * 60_000,
        maxMs: Math.max(config.refreshMinMinutes, config.refreshMaxMinutes) * 60_000,
        defaultMs: config.refreshIntervalMinutes * 60_000,
      },
      pauseAfterFailures: config.pauseAfterFailures,
    },
  };

  const jobs = new JobRepository(store.db, store.capabilities);
  const queue = new JobQueue(jobs, clock);
  const refreshJob = sourceRefreshJob({ refreshSource: (id) => refreshSource(id, refreshDependencies) });
  const refreshDueJob = refreshDueSourcesJob({ dueSourceIds: (now, limit) => sources.due(now, limit), queue, refreshJob, now: () => clock.now() });
  // Finished jobs are kept a week for inspection, then removed so the table stays small.
  const pruneJob = pruneFinishedJobs(jobs, clock, 7 * 24 * 3_600_000);
  const pages = new PageRepository(store.db);
  const pageDependencies: PageDependencies = {
    pages,
    robots: fetching.robots,
    fetchPage: (url) => fetching.fetch(url, { accept: 'text/html, application/xhtml+xml;q=0.9, */*;q=0.1' }),
    clock,
    logger,
  };
  const extractions = new ExtractionRepository(store.db);
  const extractionDependencies: ExtractionDependencies = {
    pages,
    articles,
    extractions,
    extract: extractArticle,
    clock,
    logger,
  };
  const extractJob = pageExtractJob({ extractArticlePage: (id) => extractArticlePage(id, extractionDependencies) });
  const fetchPageJob = pageFetchJob({
    fetchArticlePage: (id, options) => fetchArticlePage(id, pageDependencies, options),
    queueExtraction: (articleId) => queue.enqueue(extractJob, { articleId }, { uniqueKey: `pages.extract:${articleId}` }),
  });
  const decidePagesKind = decidePagesJob({ decidePages: () => decidePages(pageDependencies), queue, fetchJob: fetchPageJob });
  const stories = new StoryRepository(store.db);
  const storyAssigner = new StoryAssigner({ store: stories, logger, now: () => clock.now() });
  const assignStoriesKind = assignStoriesJob({ assignPending: (limit) => storyAssigner.assignPending(limit) });
  const catalogue = new JobCatalogue()
    .register(refreshJob)
    .register(refreshDueJob)
    .register(pruneJob)
    .register(fetchPageJob)
    .register(extractJob)
    .register(decidePagesKind)
    .register(assignStoriesKind);
  const webSub = config.publicUrl
    ? createWebSubscriber({
        subscriptions: new WebSubRepository(store.db),
        sources,
        articles,
        fetchFeed: (url) => fetching.fetch(url),
        parseFeed,
        postToHub: (hub, form) => postToHub(hub, form, { userAgent: config.userAgent, timeoutMs: config.fetchTimeoutMs, allowPrivateNetworks: config.allowPrivateNetworks }),
        clock,
        logger,
        publicUrl: config.publicUrl,
        leaseSeconds: config.webSubLeaseSeconds,
      })
    : null;
  const webSubJobKinds = webSub ? webSubJobs({ subscriber: webSub, queue, now: () => clock.now() }) : null;
  if (webSubJobKinds) catalogue.register(webSubJobKinds.subscribe).register(webSubJobKinds.unsubscribe).register(webSubJobKinds.renew);

  return {
    config,
    jobs,
    queue,
    catalogue,
    createWorker() {
      const worker = new Worker({ jobs, catalogue, clock, logger }, { concurrency: config.workerConcurrency, leaseMs: config.jobLeaseMs });
      // Jobs queued by this process start at once instead of at the next poll.
      queue.onEnqueued(() => worker.notify());
      return worker;
    },
    // Due sources are looked for every minute; each source's own next-check time decides when it is fetched.
    createScheduler: () =>
      new Scheduler({ queue, clock, logger }, [
        recurring(refreshDueJob, { everyMs: 60_000, payload: {} }),
        recurring(pruneJob, { everyMs: 3_600_000, payload: {} }),
        // New summary-only articles get their page fetched within a minute or so.
        recurring(decidePagesKind, { everyMs: 60_000, payload: {} }),
        // New articles join their stories within a minute or so.
        recurring(assignStoriesKind, { everyMs: 60_000, payload: {} }),
        // New sources, leases near their end, retries and removed sources: every five minutes.
        ...(webSubJobKinds ? [recurring(webSubJobKinds.renew, { everyMs: 300_000, payload: {} })] : []),
      ]),
    logger,
    clock,
    store,
    sources,
    articles,
    stories,
    storyAssigner,
    fetching,
    auth: createAuthService(store.db, clock, logger),
    refreshSource: (sourceId) => refreshSource(sourceId, refreshDependencies),
    webSub,
    extractions,
    extractArticlePage: (articleId) => extractArticlePage(articleId, extractionDependencies),
    pendingMigrations: () => pendingMigrations(store),
    close: async () => {
      if (ownsStore) await store.close();
    },
  };
}
