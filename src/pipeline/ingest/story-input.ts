import { createEntityContext, decodeEntities } from '../parse/xml-entities.js';
import type { ArticleEntities } from '../stories/entities/index.js';
import type { StoryArticle } from '../stories/types.js';

/** A stored article with what the story stage needs about its source. */
export interface StoredStoryArticle {
  id: number;
  title: string;
  url: string | null;
  summary: string | null;
  content: string | null;
  author: string | null;
  /** The feed's language for the article, if it gave one. */
  lang?: string | null;
  publishedAt: number;
  firstSeenAt: number;
  /** When the article could first have appeared (see `Article.seenSince`), if known. */
  seenSince?: number | null;
  /** The source's name (its title, else its host): wire agencies are credited by name. */
  sourceName: string;
  /** The entities stored with the article's story assignment, when it has one. */
  entities?: ArticleEntities | null;
  /** What extraction made of the article's page, when it was fetched and extracted. */
  extracted?: {
    /** The better of the page's text and the feed's own (extraction chose). */
    text: string;
    byline?: string | null;
    published?: string | null;
    canonicalUrl?: string | null;
    lang?: string | null;
  };
}

/** The text an article is clustered on: the extracted text when there is one, else the feed's. */
export function storyText(article: Pick<StoredStoryArticle, 'content' | 'summary' | 'extracted'>): string {
  // A feed's summary is a sentence or two; the page holds the article.
  return article.extracted?.text || articlePlainText(article);
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
  const extracted = article.extracted;
  const out: StoryArticle = {
    id: String(article.id),
    text: storyText(article),
    title: article.title,
    firstSeen: new Date(article.firstSeenAt).toISOString(),
    source: article.sourceName,
  };
  if (article.publishedAt !== article.firstSeenAt)
    out.published = new Date(article.publishedAt).toISOString();
  else if (extracted?.published) out.published = extracted.published;
  // Provenance reads a first-seen time as a span back to the check before.
  if (article.seenSince != null && article.seenSince <= article.firstSeenAt)
    out.pollIntervalMinutes = (article.firstSeenAt - article.seenSince) / 60_000;
  if (article.url) out.url = article.url;
  if (extracted?.canonicalUrl) out.canonicalUrl = extracted.canonicalUrl;
  const lang = extracted?.lang ?? article.lang;
  if (lang) out.lang = lang;
  const byline = article.author ?? extracted?.byline;
  if (byline) out.byline = byline;
  const links = articleLinks(article);
  if (links.length) out.links = links;
  return out;
}
