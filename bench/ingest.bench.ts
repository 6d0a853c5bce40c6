// Ingestion at scale on SQLite: a loopback news web of 5,000 feeds × 25 items.
// - cycle 1: every source refreshed through the job system and worker; all items stored;
// - cycle 2: every source again, all answered 304: feeds per second;
// - parse + store of the same feed bodies without HTTP, ours beside the same store path fed
//   by @rowanmanning/feed-parser (the faster-parsing peer is swapped in, nothing else);
// - peak resident memory of the ingesting process.
// Run: npm run bench:ingest   (BENCH_FEEDS=1000 for a shorter run)
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { pino } from 'pino';
import { createApp, type App } from '../src/app/create-app.js';
import type { ParsedFeed } from '../src/domain/feed.js';
import { itemsToArticles } from '../src/pipeline/ingest/items-to-articles.js';
import { parseFeed } from '../src/pipeline/parse/parse-feed.js';
import { loadConfig } from '../src/platform/config/config.js';
import { rowanPeer } from './parse/peers.js';
import { printTable, report } from './support/report.js';

const FEEDS = Number(process.env.BENCH_FEEDS ?? 5000);
const dataDir = mkdtempSync(join(tmpdir(), 'newsdesk-ingest-'));
let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);

const web = spawn(process.execPath, ['--import', 'tsx', new URL('./ingest/news-web-process.ts', import.meta.url).pathname], { stdio: ['ignore', 'pipe', 'inherit'] });
const port = await new Promise<number>((resolve) => createInterface({ input: web.stdout! }).once('line', (line) => resolve(Number(line))));
const base = `http://127.0.1.1:${port}`;
const feedUrl = (n: number) => `http://127.0.1.${1 + (n % 100)}:${port}/feed/${n}`;

function appFor(dir: string): Promise<App> {
  const { config } = loadConfig({
    NEWSDESK_DATA_DIR: dir,
    NEWSDESK_LOAD_SAMPLE: 'false',
    NEWSDESK_ALLOW_PRIVATE_NETWORKS: 'true',
    // 100 loopback hosts stand for 100 publishers of 50 feeds each, at the most generous
    // politeness the settings allow.
    NEWSDESK_FETCH_HOST_CONCURRENCY: '64',
    NEWSDESK_FETCH_DOMAIN_RATE: '100',
    NEWSDESK_FETCH_DOMAIN_BURST: '100',
    NEWSDESK_WORKER_CONCURRENCY: '32',
  });
  return createApp(config, pino({ level: 'silent' }), { migrate: true });
}

/** Queues a refresh of every source and runs one worker until the queue is empty; returns seconds. */
async function cycle(app: App, ids: number[]): Promise<number> {
  const refresh = app.catalogue.get('sources.refresh')!;
  const started = performance.now();
  await app.queue.enqueueMany(refresh, ids.map((sourceId) => ({ payload: { sourceId } })));
  const worker = app.createWorker();
  worker.start();
  for (;;) {
    const counts = await app.jobs.counts();
    if (counts.queued === 0 && counts.running === 0) break;
    await new Promise((r) => setTimeout(r, 20));
  }
  await worker.stop();
  return (performance.now() - started) / 1000;
}

/** Parse + turn into articles + store, over bodies already in memory. */
async function parseAndStore(app: App, bodies: Buffer[], parse: (b: Buffer) => Promise<ParsedFeed>): Promise<{ items: number; seconds: number }> {
  const source = await app.sources.add({ url: `${base}/direct-${Math.random()}` }, Date.now());
  const started = performance.now();
  let items = 0;
  for (const [i, body] of bodies.entries()) {
    const feed = await parse(body);
    // A distinct source id per run keeps both runs inserting, not deduplicating.
    const articles = itemsToArticles(feed, source.id, Date.now()).map((a) => ({ ...a, itemKey: `${a.itemKey}#${i}` }));
    items += (await app.articles.insertNew(articles)).length;
  }
  return { items, seconds: (performance.now() - started) / 1000 };
}

try {
  const app = await appFor(dataDir);
  const ids: number[] = [];
  for (let n = 0; n < FEEDS; n++) ids.push((await app.sources.add({ url: feedUrl(n) }, Date.now())).id);

  const first = await cycle(app, ids);
  const stored = await app.articles.count();
  report({ bench: 'ingest', name: `cycle 1: ${FEEDS} feeds fetched, parsed, stored (items stored)`, value: stored, unit: 'items', goal: `= ${FEEDS * 25}` });
  report({ bench: 'ingest', name: 'cycle 1 throughput, through jobs and HTTP', value: stored / first, unit: 'items/s', goal: '>= 2000 items/s' });
  const second = await cycle(app, ids);
  report({ bench: 'ingest', name: 'cycle 2: all 304, feeds per second', value: FEEDS / second, unit: 'feeds/s', goal: '>= 500 feeds/s' });
  report({ bench: 'ingest', name: 'items stored after cycle 2 (nothing twice)', value: await app.articles.count(), unit: 'items', goal: `= ${FEEDS * 25}` });

  const sample = Math.min(FEEDS, 1000);
  const bodies = await Promise.all(Array.from({ length: sample }, async (_, n) => Buffer.from(await (await fetch(feedUrl(n))).arrayBuffer())));
  const peer = await parseAndStore(app, bodies, (b) => rowanPeer.parse(b, {}));
  const ours = await parseAndStore(app, bodies, async (b) => parseFeed(b));
  report({ bench: 'ingest', name: `parse + store, ${sample} feed bodies in memory (SQLite)`, value: ours.items / ours.seconds, unit: 'items/s', peer: { name: '@rowanmanning/feed-parser + same store', value: peer.items / peer.seconds }, goal: '>= 2000 items/s' });
  report({ bench: 'ingest', name: 'peak resident memory of the ingesting process', value: peakRss / 2 ** 20, unit: 'MB', goal: '< 300 MB' });
  await app.close();
  printTable();
} finally {
  clearInterval(sampler);
  web.kill('SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
}
