import type { StoryArticle } from './types.js';

/**
 * The article's time in epoch milliseconds: when it was published, else when Newsdesk first
 * saw it, else undefined (the clusterer then uses the latest time it has seen). A date that
 * does not parse counts as missing.
 */
export function articleTime(article: Pick<StoryArticle, 'published' | 'firstSeen'>): number | undefined {
  for (const value of [article.published, article.firstSeen]) {
    if (typeof value !== 'string') continue;
    const time = Date.parse(value);
    if (!Number.isNaN(time)) return time;
  }
  return undefined;
}
