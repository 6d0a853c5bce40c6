import { articlePlainText } from './story-input.js';

/**
 * Whether an article's web page should be fetched: it has an http(s) link and its feed
 * gave only a summary. Feeds that carry the whole article (usually well over a thousand
 * characters of text) spare the publisher a request.
 */
export const FULL_TEXT_MIN_CHARS = 1200;

export function needsPage(article: { url: string | null; content: string | null; summary: string | null }): { fetch: true } | { fetch: false; reason: string } {
  if (!article.url || !/^https?:\/\//i.test(article.url)) return { fetch: false, reason: 'no web link' };
  const text = articlePlainText(article);
  if (text.length >= FULL_TEXT_MIN_CHARS) return { fetch: false, reason: 'the feed carries the full text' };
  return { fetch: true };
}
