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
}

/** How a source is read: over HTTP(S), or from a file on this machine. */
export type SourceLocation = { kind: 'http'; url: string } | { kind: 'file'; path: string };

/** What reading a source returned: new bytes, or "not modified" for a conditional GET. */
export type SourceDocument =
  | { notModified: true }
  | {
      notModified: false;
      body: Uint8Array;
      contentType: string | null;
      finalUrl: string;
      etag: string | null;
      lastModified: string | null;
    };
