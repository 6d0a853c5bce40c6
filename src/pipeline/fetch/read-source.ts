import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Source, SourceDocument } from '../../domain/source.js';
import { NewsdeskError } from '../../platform/errors.js';
import { fetchUrl, type FetchOptions } from './fetch-url.js';

export type ReadSourceOptions = Omit<FetchOptions, 'etag' | 'lastModified'> & {
  /** Folder that `sample:NAME` source URLs are read from (the bundled sample feeds). */
  sampleDir: string;
};

/**
 * Reads a source's feed: over HTTP(S) with its stored validators, or from a local file
 * (sources added from the command line, such as the bundled sample).
 */
export function createSourceReader(options: ReadSourceOptions): (source: Source) => Promise<SourceDocument> {
  return async (source) => {
    if (source.url.startsWith(SAMPLE_PREFIX)) return readLocal(join(options.sampleDir, basename(source.url.slice(SAMPLE_PREFIX.length))));
    if (!/^https?:\/\//i.test(source.url)) return readLocal(source.url);
    const result = await fetchUrl(source.url, { ...fetchOptions(options), etag: source.etag, lastModified: source.lastModified });
    const maxAgeSeconds = cacheMaxAge(result.headers['cache-control']);
    if (result.notModified) return { notModified: true, maxAgeSeconds };
    return {
      notModified: false,
      body: result.body,
      contentType: result.contentType,
      finalUrl: result.finalUrl,
      etag: result.etag,
      lastModified: result.lastModified,
      maxAgeSeconds,
    };
  };
}

/** `max-age` (or `s-maxage`) of a Cache-Control header, in seconds; null when absent or unreadable. */
export function cacheMaxAge(header: string | string[] | undefined): number | null {
  const value = Array.isArray(header) ? header.join(',') : header;
  const match = value ? /(?:^|[,\s])(?:s-)?max-age\s*=\s*"?(\d{1,9})"?/i.exec(value) : null;
  return match ? Number(match[1]) : null;
}

/** Source URLs of the bundled sample feeds: `sample:guardian-us.rss`. */
export const SAMPLE_PREFIX = 'sample:';

function fetchOptions({ sampleDir: _sampleDir, ...rest }: ReadSourceOptions): FetchOptions {
  return rest;
}

async function readLocal(path: string): Promise<SourceDocument> {
  const local = path.startsWith('file://') ? new URL(path).pathname : path;
  try {
    const body = await readFile(local);
    return { notModified: false, body, contentType: null, finalUrl: `file://${local}`, etag: null, lastModified: null };
  } catch (cause) {
    throw new NewsdeskError('FILE_NOT_FOUND', `Cannot read the feed file ${local}: ${(cause as Error).message}`, { cause });
  }
}
