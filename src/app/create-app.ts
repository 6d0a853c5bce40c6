import type { Config } from '../platform/config/config.js';
import { systemClock, type Clock } from '../platform/clock.js';
import type { Logger } from '../platform/logger.js';
import type { Fetching } from '../pipeline/fetch/create-fetching.js';
import { StoryAssigner } from '../pipeline/ingest/assign-stories.js';
import type { ExtractionOutcome } from '../pipeline/ingest/extract-article-page.js';
import type { RefreshOutcome } from '../pipeline/ingest/refresh-source.js';
import { parseFeed } from '../pipeline/parse/parse-feed.js';
import { postToHub } from '../pipeline/websub/hub-request.js';
import { createWebSubscriber, type WebSubscriber } from '../pipeline/websub/websub-subscriber.js';
import type { JobCatalogue } from '../jobs/catalogue.js';
import type { JobQueue } from '../jobs/job-queue.js';
import { Scheduler } from '../jobs/scheduler.js';
import { Worker } from '../jobs/worker.js';
import { openStore, type Store } from '../store/database.js';
import { migrateToLatest, pendingMigrations } from '../store/migrate.js';
import { ArticleRepository } from '../store/repositories/articles.js';
import type { ExtractionRepository } from '../store/repositories/extractions.js';
import type { JobRepository } from '../store/repositories/jobs.js';
import { SourceRepository } from '../store/repositories/sources.js';
import { StoryRepository } from '../store/repositories/stories.js';
import { WebSubRepository } from '../store/repositories/websub.js';
import type { AuthService } from './auth/auth-service.js';
import { createAuthService } from './auth/create-auth-service.js';
import { createIngestServices } from './ingest-services.js';
import { wireJobs } from './job-wiring.js';

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
  const ingest = createIngestServices({
    config,
    store,
    sources,
    articles,
    clock,
    logger,
    receivesPushes: async (sourceId, now) => (await webSub?.receivesPushes(sourceId, now)) ?? false,
  });
  // WebSub needs a public address for hubs to call back: without one it is off.
  const webSub: WebSubscriber | null = config.publicUrl
    ? createWebSubscriber({
        subscriptions: new WebSubRepository(store.db),
        sources,
        articles,
        fetchFeed: (url) => ingest.fetching.fetch(url),
        parseFeed,
        postToHub: (hub, form) =>
          postToHub(hub, form, { userAgent: config.userAgent, timeoutMs: config.fetchTimeoutMs, allowPrivateNetworks: config.allowPrivateNetworks }),
        clock,
        logger,
        publicUrl: config.publicUrl,
        leaseSeconds: config.webSubLeaseSeconds,
      })
    : null;
  const stories = new StoryRepository(store.db);
  const storyAssigner = new StoryAssigner({
    store: stories,
    logger,
    now: () => clock.now(),
    pageWaitMs: config.storyPageWaitMinutes * 60_000,
  });
  const { jobs, queue, catalogue, recurringJobs } = wireJobs({ store, clock, logger, sources, ingest, storyAssigner, webSub });

  return {
    config,
    logger,
    clock,
    store,
    sources,
    articles,
    stories,
    storyAssigner,
    fetching: ingest.fetching,
    auth: createAuthService(store.db, clock, logger),
    refreshSource: ingest.refreshSource,
    jobs,
    queue,
    catalogue,
    createWorker() {
      const worker = new Worker({ jobs, catalogue, clock, logger }, { concurrency: config.workerConcurrency, leaseMs: config.jobLeaseMs });
      // Jobs queued by this process start at once instead of at the next poll.
      queue.onEnqueued(() => worker.notify());
      return worker;
    },
    createScheduler: () => new Scheduler({ queue, clock, logger }, recurringJobs),
    webSub,
    extractions: ingest.extractions,
    extractArticlePage: ingest.extractArticlePage,
    pendingMigrations: () => pendingMigrations(store),
    close: async () => {
      if (ownsStore) await store.close();
    },
  };
}
