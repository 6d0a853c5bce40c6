// Stored story assignment on SQLite with SaudiNewsNet (two days of Arabic news, wire stories
// republished by many papers), read in place from the corpus:
// - the stream: articles assigned and stored per second by the assignment job's code, beside
//   the pure clusterer fed the same articles in the same run (the floor: no database);
// - the longest stretch the event loop was held during assignment (the web server shares it
//   in a single-process deployment), per batch size;
// - recluster from scratch, and whether it stored exactly what the stream did.
// Run: node --import tsx bench/story-assign.bench.ts
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { pino } from 'pino';
import { StoryAssigner } from '../src/pipeline/ingest/assign-stories.js';
import { toStoryArticle } from '../src/pipeline/ingest/story-input.js';
import { StoryClusterer } from '../src/pipeline/stories/story-clusterer.js';
import { openStore, type Store } from '../src/store/database.js';
import { migrateToLatest } from '../src/store/migrate.js';
import { ArticleRepository } from '../src/store/repositories/articles.js';
import { SourceRepository } from '../src/store/repositories/sources.js';
import { StoryRepository } from '../src/store/repositories/stories.js';
import { readCorpusGzip } from './stories/corpus.js';
import type { SaudiArticle } from './stories/wire-copies.js';
import { printTable, report } from './support/report.js';

const bench = 'story-assign';
const logger = pino({ level: 'silent' });

async function seededStore(articles: SaudiArticle[]): Promise<{ store: Store; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'newsdesk-bench-stories-'));
  const store = await openStore({ kind: 'sqlite', path: join(dir, 'newsdesk.db') });
  await migrateToLatest(store);
  const sources = new SourceRepository(store.db);
  const repository = new ArticleRepository(store.db, store.capabilities);
  const sourceIds = new Map<string, number>();
  for (const name of new Set(articles.map((a) => a.source))) {
    sourceIds.set(name, (await sources.add({ url: `https://${name}.example/feed`, title: name }, 0)).id);
  }
  await repository.insertNew(
    articles.map((a, i) => {
      const seen = Date.parse(a.date_extracted.replace(' ', 'T') + 'Z');
      return {
        sourceId: sourceIds.get(a.source)!,
        itemKey: `${i}:${a.url}`,
        url: a.url,
        title: a.title,
        summary: null,
        content: a.content,
        author: a.author || null,
        publishedAt: seen,
        firstSeenAt: seen,
        lang: 'ar',
      };
    }),
  );
  return { store, dir };
}

async function snapshot(store: Store): Promise<string> {
  const rows = await store.db
    .selectFrom('story_assignments')
    .select(['article_id', 'sequence', 'story_id', 'duplicate_of', 'original_id', 'evidence', 'diff'])
    .orderBy('sequence')
    .execute();
  return JSON.stringify(rows);
}

async function main(): Promise<void> {
  const days = ['2015-08-10.json.gz', '2015-08-11.json.gz'].map((f) =>
    readCorpusGzip('saudinewsnet-arabic-sample', f),
  );
  if (days.some((d) => d === null)) {
    console.error(
      'The saudinewsnet-arabic-sample corpus set is missing (NEWSDESK_CORPUS, default ../shared/corpus): nothing measured.',
    );
    return;
  }
  const articles = days
    .flatMap((d) => JSON.parse(d!) as SaudiArticle[])
    .sort((a, b) => a.date_extracted.localeCompare(b.date_extracted));
  for (const batchSize of [200, 50]) {
    const { store, dir } = await seededStore(articles);
    try {
      const stories = new StoryRepository(store.db);
      const stored = await stories.unassigned(articles.length);
      const pureStarted = performance.now();
      const clusterer = new StoryClusterer();
      for (const article of stored) clusterer.add(toStoryArticle(article));
      const pureSeconds = (performance.now() - pureStarted) / 1000;

      const assigner = new StoryAssigner({ store: stories, logger, now: () => Date.now(), batchSize });
      const delay = monitorEventLoopDelay({ resolution: 5 });
      delay.enable();
      const started = performance.now();
      const { assigned } = await assigner.assignPending();
      const seconds = (performance.now() - started) / 1000;
      delay.disable();
      const streamed = await snapshot(store);
      report({
        bench,
        name: `stream: articles stored/s (SQLite, batch ${batchSize}, ${assigned} articles)`,
        value: Math.round(assigned / seconds),
        unit: 'articles/s',
        peer: { name: 'pure clusterer, no database', value: Math.round(stored.length / pureSeconds) },
      });
      report({
        bench,
        name: `longest event-loop stall while assigning (batch ${batchSize})`,
        value: Math.round(delay.max / 1e6),
        unit: 'ms',
        goal: '< 100 ms',
      });

      const reclusterStarted = performance.now();
      await new StoryAssigner({ store: stories, logger, now: () => Date.now(), batchSize }).recluster(
        undefined,
      );
      const reclusterSeconds = (performance.now() - reclusterStarted) / 1000;
      const same = (await snapshot(store)) === streamed;
      report({
        bench,
        name: `recluster from scratch (batch ${batchSize}); same result as the stream: ${same ? 'yes' : 'NO'}`,
        value: Math.round(reclusterSeconds * 1000),
        unit: 'ms',
        peer: { name: 'the stream', value: Math.round(seconds * 1000) },
      });
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  printTable();
}

await main();
