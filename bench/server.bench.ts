// Foundation benchmarks for the web server on SQLite with 100,000 stored articles:
// - start-up: from spawning `newsdesk serve` to /readyz answering 200, beside a bare Fastify
//   process answering its first request (the floor any Node web server pays);
// - home page: latency and throughput with keep-alive, server pinned to one core, beside a
//   static file served by the same server in the same run.
// Run: npm run bench:server
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { pino } from 'pino';
import { createApp } from '../src/app/create-app.js';
import { loadConfig } from '../src/platform/config/config.js';
import { printTable, report } from './support/report.js';

const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 100_000);
const bin = fileURLToPath(new URL('../bin/newsdesk.js', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'newsdesk-bench-'));
const env = { ...process.env, NEWSDESK_DATA_DIR: dataDir, NEWSDESK_LOAD_SAMPLE: 'false', NEWSDESK_LOG_LEVEL: 'warn' };

async function seed(): Promise<void> {
  const { config } = loadConfig(env);
  const app = await createApp(config, pino({ level: 'silent' }), { migrate: true });
  const now = Date.now();
  const sources = [];
  for (let s = 0; s < 100; s++) sources.push(await app.sources.add({ url: `https://source${s}.example/feed`, title: `Source ${s}` }, now));
  for (let start = 0; start < ARTICLES; start += 2000) {
    const batch = [];
    for (let i = start; i < Math.min(ARTICLES, start + 2000); i++) {
      batch.push({
        sourceId: sources[i % sources.length]!.id,
        itemKey: `guid:${i}`,
        url: `https://source${i % 100}.example/article/${i}`,
        title: `Article ${i}: parliament debates the budget for the coming year`,
        summary: 'A summary of the article, a sentence or two long, as feeds carry it.',
        content: null,
        author: null,
        publishedAt: now - i * 60_000,
        firstSeenAt: now,
        lang: 'en',
      });
    }
    await app.articles.insertNew(batch);
  }
  await app.close();
}

function waitFor(url: string, child: ChildProcess, timeoutMs = 30_000): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const tick = async () => {
      if (child.exitCode !== null) return reject(new Error(`server exited with ${child.exitCode}`));
      try {
        const res = await fetch(url);
        if (res.status === 200) return resolve(performance.now() - started);
      } catch {
        // not listening yet
      }
      if (performance.now() - started > timeoutMs) return reject(new Error(`${url} not ready in ${timeoutMs} ms`));
      setTimeout(tick, 5);
    };
    void tick();
  });
}

async function timeToReady(command: string[], url: string): Promise<{ ms: number; child: ChildProcess }> {
  const started = performance.now();
  const child = spawn('taskset', ['-c', '0', process.execPath, ...command], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  await waitFor(url, child);
  return { ms: performance.now() - started, child };
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

async function load(url: string): Promise<{ p50: number; p99: number; mean: number; rps: number }> {
  const result = await autocannon({ url, connections: 10, duration: 5, pipelining: 1 });
  return { p50: result.latency.p50, p99: result.latency.p99, mean: result.latency.mean, rps: result.requests.average };
}

const bareFastify = `
const { default: Fastify } = await import('fastify');
const app = Fastify();
app.get('/readyz', async () => ({ status: 'ready' }));
await app.listen({ host: '127.0.0.1', port: 18091 });
`;

try {
  console.error(`seeding ${ARTICLES} articles…`);
  await seed();

  const peer = await timeToReady(['--input-type=module', '-e', bareFastify], 'http://127.0.0.1:18091/readyz');
  await stop(peer.child);
  const ours = await timeToReady([bin, 'serve', '--role', 'web', '--port', '18090'], 'http://127.0.0.1:18090/readyz');
  report({ bench: 'server', name: `serve → /readyz 200 (SQLite, ${ARTICLES} articles)`, value: ours.ms, unit: 'ms', peer: { name: 'bare Fastify process', value: peer.ms }, goal: '< 1500 ms' });

  await load('http://127.0.0.1:18090/'); // warm-up
  const file = await load('http://127.0.0.1:18090/static/site.css');
  const home = await load('http://127.0.0.1:18090/');
  // autocannon counts latency in whole milliseconds: the p50 carries the goal, the mean the ratio.
  report({ bench: 'server', name: 'home page p50 latency (1 core, keep-alive, 10 connections)', value: home.p50, unit: 'ms', goal: '< 5 ms' });
  report({ bench: 'server', name: 'home page mean latency', value: home.mean, unit: 'ms', peer: { name: 'static file, same server', value: file.mean } });
  report({ bench: 'server', name: 'home page requests/s (1 core)', value: home.rps, unit: 'req/s', peer: { name: 'static file, same server', value: file.rps }, goal: '>= 2000 req/s' });
  report({ bench: 'server', name: 'home page p99 latency', value: home.p99, unit: 'ms', peer: { name: 'static file, same server', value: file.p99 } });
  await stop(ours.child);
  printTable();
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
