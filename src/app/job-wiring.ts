import type { Clock } from '../platform/clock.js';
import type { Logger } from '../platform/logger.js';
import type { StoryAssigner } from '../pipeline/ingest/assign-stories.js';
import type { WebSubscriber } from '../pipeline/websub/websub-subscriber.js';
import { JobCatalogue } from '../jobs/catalogue.js';
import { JobQueue } from '../jobs/job-queue.js';
import { decidePagesJob, pageExtractJob, pageFetchJob } from '../jobs/kinds/article-pages.js';
import { refreshDueSourcesJob, sourceRefreshJob } from '../jobs/kinds/source-refresh.js';
import { assignStoriesJob } from '../jobs/kinds/stories.js';
import { webSubJobs } from '../jobs/kinds/websub.js';
import { pruneFinishedJobs } from '../jobs/prune-finished.js';
import { recurring, type RecurringJob } from '../jobs/scheduler.js';
import type { Store } from '../store/database.js';
import { JobRepository } from '../store/repositories/jobs.js';
import type { SourceRepository } from '../store/repositories/sources.js';
import type { IngestServices } from './ingest-services.js';

const MINUTE = 60_000;

/** Every job kind of Newsdesk, registered once, and the recurring ones with their periods. */
export interface JobWiring {
  jobs: JobRepository;
  queue: JobQueue;
  catalogue: JobCatalogue;
  recurringJobs: RecurringJob[];
}

export function wireJobs(deps: {
  store: Store;
  clock: Clock;
  logger: Logger;
  sources: SourceRepository;
  ingest: IngestServices;
  storyAssigner: StoryAssigner;
  webSub: WebSubscriber | null;
}): JobWiring {
  const { clock, ingest } = deps;
  const jobs = new JobRepository(deps.store.db, deps.store.capabilities);
  const queue = new JobQueue(jobs, clock);

  const assignStories = assignStoriesJob({ assignPending: (limit) => deps.storyAssigner.assignPending(limit) });
  // One follow-up waits in the queue at a time, however many pages are decided or extracted meanwhile.
  const queueAssignment = () => queue.enqueue(assignStories, {}, { uniqueKey: 'stories.assign:new-articles' });
  const extract = pageExtractJob({ extractArticlePage: ingest.extractArticlePage, afterExtraction: queueAssignment });
  const fetchPage = pageFetchJob({
    fetchArticlePage: ingest.fetchArticlePage,
    queueExtraction: (articleId) => queue.enqueue(extract, { articleId }, { uniqueKey: `pages.extract:${articleId}` }),
  });
  const decide = decidePagesJob({ decidePages: ingest.decidePages, queue, fetchJob: fetchPage, afterDecided: queueAssignment });
  // Finished jobs are kept a week for inspection, then removed so the table stays small.
  const prune = pruneFinishedJobs(jobs, clock, 7 * 24 * 60 * MINUTE);
  const refresh = sourceRefreshJob({
    refreshSource: ingest.refreshSource,
    // One follow-up waits in the queue at a time, however many sources refresh meanwhile. Story
    // assignment follows the page decision, so that articles whose page is fetched wait for its text.
    afterNewArticles: () => queue.enqueue(decide, {}, { uniqueKey: 'pages.decide:new-articles' }),
  });
  const refreshDue = refreshDueSourcesJob({ dueSourceIds: (now, limit) => deps.sources.due(now, limit), queue, refreshJob: refresh, now: () => clock.now() });

  const catalogue = new JobCatalogue()
    .register(refresh)
    .register(refreshDue)
    .register(fetchPage)
    .register(extract)
    .register(decide)
    .register(assignStories)
    .register(prune);
  const recurringJobs = [
    // Due sources are looked for every minute; each source's own next-check time decides when it is fetched.
    recurring(refreshDue, { everyMs: MINUTE, payload: {} }),
    // New summary-only articles get their page fetched, and new articles join their stories, within a minute or so.
    recurring(decide, { everyMs: MINUTE, payload: {} }),
    recurring(assignStories, { everyMs: MINUTE, payload: {} }),
    recurring(prune, { everyMs: 60 * MINUTE, payload: {} }),
  ];
  if (deps.webSub) {
    const webSub = webSubJobs({ subscriber: deps.webSub, queue, now: () => clock.now() });
    catalogue.register(webSub.subscribe).register(webSub.unsubscribe).register(webSub.renew);
    // New sources, leases near their end, retries and removed sources: every five minutes.
    recurringJobs.push(recurring(webSub.renew, { everyMs: 5 * MINUTE, payload: {} }));
  }
  return { jobs, queue, catalogue, recurringJobs };
}
