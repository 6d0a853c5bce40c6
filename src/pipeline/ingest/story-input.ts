import { createEntityContext, decodeEntities } from '../parse/xml-entities.js';
import type { StoryArticle } from '../stories/types.js';

/** A stored article with what the story stage needs about its source. */
export interface StoredStoryArticle {
  id: number;
  title: string;
  url: string | null;
  summary: string | null;
  content: string | null;
  author: string | null;
  publishedAt: number;
  firstSeenAt: number;
  /** The source's name (its title, else its host): wire agencies are credited by name. */
  sourceName: string;
}

const BLOCK_TAG = /<\/?(?:p|div|br|li|h[1-6]|blockquote|tr|section|article|figure|figcaption)\b[^>]*>/gi;
const TAG = /<\/?[a-zA-Z](?:[^>"']|"[^"]*"|'[^']*')*>|<!--[\s\S]*?-->/g;
const DROPPED = /<(script|style|template)\b[\s\S]*?<\/\1\s*>/gi;
const LINK = /<a\b[^>]*?\bhref\s*=\s*(?:"([^"]*)"|'([^']*)')/gi;

/** An article's text as plain text: its content, else its summary; block ends become line breaks. */
export function articlePlainText(article: Pick<StoredStoryArticle, 'content' | 'summary'>): string {
  const html = article.content ?? article.summary ?? '';
  const text = html.replace(DROPPED, ' ').replace(BLOCK_TAG, '\n').replace(TAG, '');
  return decodeEntities(text, createEntityContext(text.length))
    .replace(/[ \t\f\r\u00a0]+/g, ' ')
    .replace(/ ?\n[\n ]*/g, '\n')
    .trim();
}

/** Absolute http(s) links in the article's HTML: a link to another copy is evidence of where it came from. */
export function articleLinks(article: Pick<StoredStoryArticle, 'content' | 'summary'>): string[] {
  const html = article.content ?? article.summary ?? '';
  const links = new Set<string>();
  for (const match of html.matchAll(LINK)) {
    const href = (match[1] ?? match[2] ?? '').trim();
    if (/^https?:\/\//i.test(href)) links.add(href);
  }
  return [...links];
}

/**
 * The article as the clusterer sees it. The stored publication time falls back to the
 * first-seen time; when both are equal the source gave no date, so none is claimed.
 */
export function toStoryArticle(article: StoredStoryArticle): StoryArticle {
  const out: StoryArticle = {
    id: String(article.id),
    text: articlePlainText(article),
    title: article.title,
    firstSeen: new Date(article.firstSeenAt).toISOString(),
    source: article.sourceName,
  };
  if (article.publishedAt !== article.firstSeenAt)
    out.published = new Date(article.publishedAt).toISOString();
  if (article.url) out.url = article.url;
  if (article.author) out.byline = article.author;
  const links = articleLinks(article);
  if (links.length) out.links = links;
  return out;
}
