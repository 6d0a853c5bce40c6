import type { Kysely } from 'kysely';
import type { StoredStoryArticle } from '../../pipeline/ingest/story-input.js';
import type { Database } from '../schema.js';

/**
 * Articles as the story stage reads them: with their source's name and, when the page was
 * extracted, the extraction (its text is what the article is clustered on).
 */
export function storyArticles(db: Kysely<Database>) {
  return db
    .selectFrom('articles')
    .innerJoin('sources', 'sources.id', 'articles.source_id')
    .leftJoin('article_extractions as extraction', 'extraction.article_id', 'articles.id')
    .select([
      'articles.id',
      'articles.title',
      'articles.url',
      'articles.summary',
      'articles.content',
      'articles.author',
      'articles.lang',
      'articles.published_at',
      'articles.first_seen_at',
      'articles.seen_since',
      'sources.title as source_title',
      'sources.site_url as source_site_url',
      'sources.url as source_url',
      'extraction.status as extraction_status',
      'extraction.text as extracted_text',
      'extraction.byline as extracted_byline',
      'extraction.published as extracted_published',
      'extraction.canonical_url as extracted_canonical_url',
      'extraction.lang as extracted_lang',
    ]);
}

export interface StoryArticleRow {
  id: number;
  title: string;
  url: string | null;
  summary: string | null;
  content: string | null;
  author: string | null;
  lang: string | null;
  published_at: number;
  first_seen_at: number;
  seen_since: number | null;
  source_title: string | null;
  source_site_url: string | null;
  source_url: string;
  extraction_status: string | null;
  extracted_text: string | null;
  extracted_byline: string | null;
  extracted_published: string | null;
  extracted_canonical_url: string | null;
  extracted_lang: string | null;
}

export function toStoredStoryArticle(r: StoryArticleRow): StoredStoryArticle {
  return {
    id: Number(r.id),
    title: r.title,
    url: r.url,
    summary: r.summary,
    content: r.content,
    author: r.author,
    lang: r.lang,
    publishedAt: Number(r.published_at),
    firstSeenAt: Number(r.first_seen_at),
    seenSince: r.seen_since === null ? null : Number(r.seen_since),
    sourceName: r.source_title ?? hostOf(r.source_site_url ?? r.source_url),
    // A refused page (a paywall) has no text of its own but still states its date, byline and canonical address.
    ...(r.extraction_status === 'extracted' || r.extraction_status === 'failed'
      ? {
          extracted: {
            text: r.extracted_text ?? '',
            byline: r.extracted_byline,
            published: r.extracted_published,
            canonicalUrl: r.extracted_canonical_url,
            lang: r.extracted_lang,
          },
        }
      : {}),
  };
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '') || url;
  } catch {
    return url;
  }
}
