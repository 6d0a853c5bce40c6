import type { ColumnType, Generated } from 'kysely';

/**
 * The database as Kysely sees it. Times are integers: milliseconds since the Unix epoch,
 * the same on SQLite and PostgreSQL (bigint there, read back as numbers).
 */
export interface Database {
  sources: SourcesTable;
  articles: ArticlesTable;
  article_revisions: ArticleRevisionsTable;
  jobs: JobsTable;
  users: UsersTable;
  sessions: SessionsTable;
  sign_in_attempts: SignInAttemptsTable;
  article_pages: ArticlePagesTable;
  article_extractions: ArticleExtractionsTable;
  story_assignments: StoryAssignmentsTable;
  story_article_keys: StoryArticleKeysTable;
  stories: StoriesTable;
  story_state: StoryStateTable;
}

export interface SourcesTable {
  id: Generated<number>;
  /** Where the feed is read from: an http(s) URL or a local file path. */
  url: string;
  title: string | null;
  site_url: string | null;
  /** 1 for sources loaded from the bundled sample, so they can be removed together. */
  is_sample: number;
  created_at: number;
  // Fetch state lives here so that any worker can refresh any source.
  next_check_at: number;
  last_checked_at: number | null;
  last_success_at: number | null;
  etag: string | null;
  last_modified: string | null;
  error_count: number;
  last_error_code: string | null;
  last_error_message: string | null;
  /** Set when the source was paused (by hand, or after too many consecutive failures). */
  paused_at: number | null;
  pause_reason: string | null;
  fetch_count: Generated<number>;
  latency_total_ms: Generated<number>;
  /** Folder path from an OPML import (`News / World`), or null. */
  category: string | null;
}

export interface ArticlesTable {
  id: Generated<number>;
  source_id: number;
  /** The identity of the item within its source: GUID, else link, else a content hash. */
  item_key: string;
  url: string | null;
  title: string;
  summary: string | null;
  content: string | null;
  author: string | null;
  /** Publication time stated by the source, else the first-seen time. */
  published_at: number;
  first_seen_at: number;
  /**
   * The source's previous successful check before the one that found the article: it appeared
   * between then and `first_seen_at`. Null when unknown (a source's first check).
   */
  seen_since: ColumnType<number | null, number | null | undefined, number | null>;
  lang: string | null;
}

/** An earlier version of an article, kept when the source changed the item. */
export interface ArticleRevisionsTable {
  id: Generated<number>;
  article_id: number;
  url: string | null;
  title: string;
  summary: string | null;
  content: string | null;
  author: string | null;
  /** When a newer version replaced this one. */
  replaced_at: number;
}

export type JobStatus = 'queued' | 'running' | 'done' | 'failed';

export interface JobsTable {
  id: Generated<number>;
  kind: string;
  payload: string;
  status: JobStatus;
  run_at: number;
  attempts: number;
  max_attempts: number;
  /** Jobs with the same key are queued once while one is pending. */
  unique_key: string | null;
  locked_by: string | null;
  locked_until: number | null;
  last_error: string | null;
  created_at: number;
  finished_at: number | null;
}

export interface UsersTable {
  id: Generated<number>;
  email: string;
  password_hash: string;
  is_admin: number;
  created_at: number;
}

export interface SessionsTable {
  /** SHA-256 of the cookie value; the cookie itself is never stored. */
  id_hash: string;
  user_id: number;
  csrf_token: string;
  created_at: number;
  expires_at: number;
}

export interface SignInAttemptsTable {
  /** The limited key: a client address or an email. */
  key: string;
  window_start: number;
  count: number;
}

export type PageStatus = 'pending' | 'fetched' | 'failed' | 'skipped';

export interface ArticlePagesTable {
  article_id: number;
  status: PageStatus;
  /** Why the page was skipped or failed, for people. */
  reason: string | null;
  url: string;
  final_url: string | null;
  content_type: string | null;
  body_gzip: Uint8Array | null;
  body_bytes: number | null;
  error_code: string | null;
  created_at: number;
  fetched_at: number | null;
}

/** Where the story clusterer put one article; `sequence` is the order it was fed in. */
export interface StoryAssignmentsTable {
  article_id: number;
  sequence: number;
  /** The id of the article that opened the story. */
  story_id: number;
  is_new_story: number;
  duplicate_of: number | null;
  /** The original of the article's copy group, when it has copies. */
  original_id: number | null;
  /** JSON: the clusterer's evidence (similarity, shared terms, copy, provenance). */
  evidence: string;
  /** JSON: how much this copy changed from its original (null for originals and lone articles). */
  diff: string | null;
  /** JSON: quantities and attributed claims found in the text. */
  quantities: string;
  claims: string;
  /** JSON: the people, organisations, places and dates the article names (null when assigned before they were found). */
  entities: string | null;
  assigned_at: number;
}

/** Keys that link a story with coverage of the same event in another language, per article. */
export interface StoryArticleKeysTable {
  article_id: number;
  story_id: number;
  /** 'en', 'ar' or 'other': the language the article's entities were read in. */
  lang: string;
  key: string;
}

/** A story as lists show it, kept up to date from its assignments. */
export interface StoriesTable {
  id: number;
  article_count: number;
  first_published_at: number;
  last_published_at: number;
  updated_at: number;
}

/** The assignment stream's position; `version` changes on every write (see the stories repository). */
export interface StoryStateTable {
  name: string;
  sequence: number;
  version: number;
}

export interface ArticleExtractionsTable {
  article_id: number;
  source_id: number;
  status: 'extracted' | 'failed';
  chosen: 'page' | 'feed' | null;
  title: string | null;
  byline: string | null;
  published: string | null;
  modified: string | null;
  lang: string | null;
  dir: string | null;
  site_name: string | null;
  canonical_url: string | null;
  image: string | null;
  description: string | null;
  text: string | null;
  html: string | null;
  /** JSON array of credits. */
  credits: string | null;
  /** JSON array of the page's paragraph fingerprints before boilerplate removal. */
  fingerprints: string | null;
  error_code: string | null;
  error_message: string | null;
  extracted_at: number;
}
