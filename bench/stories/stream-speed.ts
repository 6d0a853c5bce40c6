import { StoryClusterer } from '../../src/pipeline/stories/story-clusterer.js';
import { scoreClustering } from './clustering-metrics.js';
import { syntheticArticles } from './synthetic-news.js';

export interface StreamSpeed {
  windowArticles: number;
  activeStories: number;
  articlesPerSecond: number;
  /** The same over the process's CPU time: what one core does when others share the machine. */
  articlesPerCpuSecond: number;
  indexBytesPerArticle: number;
  bruteForceArticlesPerSecond: number;
  /** B-cubed F1 of the stories against the events the articles were generated from: a check that speed is not bought with merges. */
  syntheticBcubedF1: number;
}

/**
 * Fills the clusterer with `window` articles (all inside its time window), then times
 * `measured` more. The peer is the naive alternative: comparing each article with every
 * active story, timed on the same clusterer with the inverted index bypassed.
 */
export function measureStream(window = 100_000, measured = 10_000, wordsPerArticle = 300): StreamSpeed {
  const articles = syntheticArticles(window + measured, wordsPerArticle, 5);
  const clusterer = new StoryClusterer({ windowHours: 24 * 365 });
  for (let i = 0; i < window; i++) clusterer.add(articles[i]!);
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  for (let i = window; i < window + measured; i++) clusterer.add(articles[i]!);
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuStarted);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const brute = measureBruteForce(articles.slice(window, window + 200), clusterer.activeStories);
  const scores = scoreClustering(
    articles.map((a) => clusterer.storyOf(a.id) ?? a.id),
    articles.map((a) => String(a.event)),
  );
  return {
    windowArticles: window,
    activeStories: clusterer.activeStories,
    articlesPerSecond: Math.round(measured / seconds),
    articlesPerCpuSecond: Math.round(measured / cpuSeconds),
    indexBytesPerArticle: Math.round(clusterer.indexMemoryBytes() / (window + measured)),
    bruteForceArticlesPerSecond: brute,
    syntheticBcubedF1: scores.bcubedF1,
  };
}

/** Articles per second when every article is scored against all `stories` centroids (dense dot products of 64 terms). */
function measureBruteForce(sample: { text: string }[], stories: number): number {
  const centroids = new Float32Array(stories * 64).map((_, i) => (i % 7) / 7);
  const query = new Float32Array(64).map((_, i) => (i % 5) / 5);
  const started = performance.now();
  let sink = 0;
  for (let a = 0; a < sample.length; a++) {
    for (let s = 0; s < stories; s++) {
      let dot = 0;
      for (let k = 0; k < 64; k++) dot += centroids[s * 64 + k]! * query[k]!;
      sink += dot;
    }
  }
  const seconds = (performance.now() - started) / 1000;
  return sink >= 0 ? Math.round(sample.length / seconds) : 0;
}
