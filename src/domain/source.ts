/** A followed source and its fetch state, as the rest of the system sees it. */
export interface Source {
  id: number;
  url: string;
  title: string | null;
  siteUrl: string | null;
  isSample: boolean;
  createdAt: number;
  nextCheckAt: number;
  lastCheckedAt: number | null;
  lastSuccessAt: number | null;
  etag: string | null;
  lastModified: string | null;
  errorCount: number;
  lastErrorCode: string | null;
  lastErrorMessage: string | null;
  /** Folder path the source is filed under (`News / World`), from an OPML import; null when none. */
  category?: string | null;
  /** When the source was paused, and why; a paused source is not checked until resumed. */
  pausedAt: number | null;
  pauseReason: string | null;
  fetchCount: number;
  /** Mean time of a successful fetch, or null before the first. */
  meanLatencyMs: number | null;
}

/** A source with how much it publishes, as `source list` and the admin page show it. */
export interface SourceHealth extends Source {
  /** New articles per day over the last seven days. */
  itemsPerDay: number;
}

/** How a source is read: over HTTP(S), or from a file on this machine. */
export type SourceLocation = { kind: 'http'; url: string } | { kind: 'file'; path: string };

/** What reading a source returned: new bytes, or "not modified" for a conditional GET. */
export type SourceDocument =
  | { notModified: true; maxAgeSeconds?: number | null }
  | {
      notModified: false;
      body: Uint8Array;
      contentType: string | null;
      finalUrl: string;
      etag: string | null;
      lastModified: string | null;
      /** `Cache-Control: max-age` of the response, in seconds. */
      maxAgeSeconds?: number | null;
    };
