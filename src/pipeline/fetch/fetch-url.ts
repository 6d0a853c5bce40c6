import type http from 'node:http';
import { NewsdeskError } from '../../platform/errors.js';
import type { Politeness } from './host-politeness.js';
import { readBody } from './read-body.js';
import { parseRetryAfter } from './retry-after.js';
import { sendRequest, toFetchError } from './http-request.js';

export interface FetchOptions {
  userAgent: string;
  /** Total time for the whole exchange, redirects and waits for a polite turn included. */
  timeoutMs: number;
  /** Largest body accepted, counted after decompression. */
  maxBytes: number;
  allowPrivateNetworks: boolean;
  maxRedirects?: number;
  /** Conditional GET validators from the previous fetch. */
  etag?: string | null;
  lastModified?: string | null;
  accept?: string;
  /** DNS, TCP and TLS handshake; default the smaller of 10 s and `timeoutMs`. */
  connectTimeoutMs?: number;
  /** Time to the status line and headers of each response; default `timeoutMs`. */
  headerTimeoutMs?: number;
  /** Per-host and per-domain limits waited on before every request, redirects included. */
  politeness?: Politeness;
  /** Addresses reachable even when private networks are refused (a known intranet host). */
  allowAddresses?: readonly string[];
}

export interface FetchResult {
  status: number;
  /** 304: the resource did not change since the validators were issued. */
  notModified: boolean;
  body: Buffer;
  contentType: string | null;
  finalUrl: string;
  etag: string | null;
  lastModified: string | null;
  headers: Record<string, string | string[] | undefined>;
}

const DEFAULT_ACCEPT =
  'application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.8, */*;q=0.5';
/** How long a domain that answered 429 without saying how long is left alone. */
const DEFAULT_RATE_LIMIT_HOLD_MS = 60_000;

/**
 * Fetches an http(s) URL within a total timeout (waits for a polite turn included), with
 * connect and time-to-first-byte timeouts, a body size limit enforced while streaming
 * (decompressed bytes count, so a gzip or brotli bomb stops early), at most five redirects
 * with loop detection, and a guard that refuses private-network addresses after DNS
 * resolution — for the first request and for every redirect. 429, and 503 with Retry-After,
 * become FETCH_RATE_LIMITED carrying `retryAfterMs` (null when the server did not say).
 */
export async function fetchUrl(url: string, options: FetchOptions): Promise<FetchResult> {
  const deadline = Date.now() + options.timeoutMs;
  const signal = AbortSignal.timeout(options.timeoutMs);
  const maxRedirects = options.maxRedirects ?? 5;
  const seen = new Set<string>();
  let current = parseHttpUrl(url);
  for (let hop = 0; ; hop++) {
    if (seen.has(current.href))
      throw new NewsdeskError('SOURCE_UNREACHABLE', `Redirect loop at ${current.href}.`);
    seen.add(current.href);
    const release = options.politeness
      ? await options.politeness.acquire(current, signal, deadline)
      : () => {};
    try {
      const response = await sendRequest(current, requestHeaders(options), {
        signal,
        connectTimeoutMs: options.connectTimeoutMs ?? Math.min(10_000, options.timeoutMs),
        headerTimeoutMs: options.headerTimeoutMs ?? options.timeoutMs,
        allowPrivateNetworks: options.allowPrivateNetworks,
        allowAddresses: options.allowAddresses ?? [],
      });
      const status = response.statusCode ?? 0;
      const location = response.headers.location;
      if (status >= 300 && status < 400 && status !== 304 && location) {
        response.resume();
        if (hop >= maxRedirects)
          throw new NewsdeskError('SOURCE_UNREACHABLE', `More than ${maxRedirects} redirects from ${url}.`);
        current = parseHttpUrl(new URL(location, current).href);
        continue;
      }
      if (status === 304) return result(response, current, Buffer.alloc(0));
      if (status >= 200 && status < 300)
        return result(response, current, await readBody(response, options.maxBytes, current.href, signal));
      response.resume();
      throw statusError(response, current, options.politeness);
    } catch (error) {
      throw toFetchError(error, current, signal);
    } finally {
      release();
    }
  }
}

function requestHeaders(options: FetchOptions): Record<string, string> {
  const headers: Record<string, string> = {
    'user-agent': options.userAgent,
    accept: options.accept ?? DEFAULT_ACCEPT,
    'accept-encoding': 'gzip, deflate, br',
  };
  if (options.etag) headers['if-none-match'] = options.etag;
  if (options.lastModified) headers['if-modified-since'] = options.lastModified;
  return headers;
}

function result(response: http.IncomingMessage, url: URL, body: Buffer): FetchResult {
  const header = (name: string) => {
    const v = response.headers[name];
    return typeof v === 'string' ? v : null;
  };
  return {
    status: response.statusCode ?? 0,
    notModified: response.statusCode === 304,
    body,
    contentType: header('content-type'),
    finalUrl: url.href,
    etag: header('etag'),
    lastModified: header('last-modified'),
    headers: response.headers,
  };
}

/** 429 always, and 503 with Retry-After, mean "come back later": the domain is held off and the caller told when. */
function statusError(
  response: http.IncomingMessage,
  url: URL,
  politeness: Politeness | undefined,
): NewsdeskError {
  const status = response.statusCode ?? 0;
  const retryAfterMs = parseRetryAfter(response.headers['retry-after'], Date.now());
  if (status === 429 || (status === 503 && retryAfterMs !== null)) {
    politeness?.holdOff(url, retryAfterMs ?? DEFAULT_RATE_LIMIT_HOLD_MS);
    const when = retryAfterMs === null ? 'later' : `in ${Math.ceil(retryAfterMs / 1000)} s`;
    return new NewsdeskError(
      'FETCH_RATE_LIMITED',
      `${url.href} answered HTTP ${status}: asked to come back ${when}.`,
      {
        context: { status, retryAfterMs },
      },
    );
  }
  return new NewsdeskError('FETCH_HTTP_STATUS', `${url.href} answered HTTP ${status}.`, {
    context: { status },
  });
}

/** Parses an address and refuses anything but http and https. */
export function parseHttpUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new NewsdeskError('URL_INVALID', `${JSON.stringify(text)} is not an absolute URL.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new NewsdeskError(
      'URL_INVALID',
      `${url.protocol} addresses are not fetched; only http and https are.`,
    );
  }
  return url;
}
