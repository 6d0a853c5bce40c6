import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import type { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { NewsdeskError } from '../../platform/errors.js';
import { isPrivateAddress } from './address-guard.js';

export interface FetchOptions {
  userAgent: string;
  /** Total time for the whole exchange, redirects included. */
  timeoutMs: number;
  /** Largest body accepted, counted after decompression. */
  maxBytes: number;
  allowPrivateNetworks: boolean;
  maxRedirects?: number;
  /** Conditional GET validators from the previous fetch. */
  etag?: string | null;
  lastModified?: string | null;
  accept?: string;
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

const DEFAULT_ACCEPT = 'application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.8, */*;q=0.5';

/**
 * Fetches an http(s) URL with a total timeout, a body size limit enforced while streaming
 * (decompressed bytes count, so a gzip bomb stops early), at most five redirects with loop
 * detection, and a guard that refuses private-network addresses after DNS resolution — for
 * the first request and for every redirect.
 */
export async function fetchUrl(url: string, options: FetchOptions): Promise<FetchResult> {
  const deadline = AbortSignal.timeout(options.timeoutMs);
  const seen = new Set<string>();
  let current = parseHttpUrl(url);
  for (let hop = 0; ; hop++) {
    if (seen.has(current.href)) throw new NewsdeskError('SOURCE_UNREACHABLE', `Redirect loop at ${current.href}.`);
    seen.add(current.href);
    const response = await request(current, options, deadline);
    const location = response.headers.location;
    if (response.statusCode && response.statusCode >= 300 && response.statusCode < 400 && response.statusCode !== 304 && location) {
      response.resume();
      if (hop >= (options.maxRedirects ?? 5)) {
        throw new NewsdeskError('SOURCE_UNREACHABLE', `More than ${options.maxRedirects ?? 5} redirects from ${url}.`);
      }
      current = parseHttpUrl(new URL(location, current).href);
      continue;
    }
    const status = response.statusCode ?? 0;
    const notModified = status === 304;
    if (!notModified && (status < 200 || status >= 300)) {
      response.resume();
      throw new NewsdeskError('FETCH_HTTP_STATUS', `${current.href} answered HTTP ${status}.`, { context: { status } });
    }
    const body = notModified ? Buffer.alloc(0) : await readBody(response, options.maxBytes, current.href, deadline);
    const header = (name: string) => {
      const v = response.headers[name];
      return typeof v === 'string' ? v : null;
    };
    return {
      status,
      notModified,
      body,
      contentType: header('content-type'),
      finalUrl: current.href,
      etag: header('etag'),
      lastModified: header('last-modified'),
      headers: response.headers,
    };
  }
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
    throw new NewsdeskError('URL_INVALID', `${url.protocol} addresses are not fetched; only http and https are.`);
  }
  return url;
}

function request(url: URL, options: FetchOptions, signal: AbortSignal): Promise<http.IncomingMessage> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) && !options.allowPrivateNetworks && isPrivateAddress(host)) {
    return Promise.reject(blockedError(url, host));
  }
  const headers: Record<string, string> = {
    'user-agent': options.userAgent,
    accept: options.accept ?? DEFAULT_ACCEPT,
    'accept-encoding': 'gzip, deflate, br',
  };
  if (options.etag) headers['if-none-match'] = options.etag;
  if (options.lastModified) headers['if-modified-since'] = options.lastModified;
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.get(url, { headers, signal, lookup: guardedLookup(url, options.allowPrivateNetworks) }, resolve);
    req.on('error', (cause) => reject(toFetchError(cause, url, signal)));
  });
}

/** DNS lookup that fails when any resolved address is private, so the checked address is the one connected to. */
function guardedLookup(url: URL, allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '', 0);
      const list = addresses as LookupAddress[];
      const bad = allowPrivate ? undefined : list.find((a) => isPrivateAddress(a.address));
      if (bad) return callback(blockedError(url, bad.address), '', 0);
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, list);
      const first = list[0];
      if (!first) return callback(new Error(`no address for ${hostname}`), '', 0);
      callback(null, first.address, first.family);
    });
  };
}

function blockedError(url: URL, address: string): NewsdeskError {
  return new NewsdeskError('FETCH_BLOCKED', `${url.host} resolves to ${address}, a private-network address.`);
}

async function readBody(response: http.IncomingMessage, maxBytes: number, href: string, signal: AbortSignal): Promise<Buffer> {
  const declared = Number(response.headers['content-length']);
  const encoding = String(response.headers['content-encoding'] ?? '').trim().toLowerCase();
  if (!encoding && Number.isFinite(declared) && declared > maxBytes) {
    response.destroy();
    throw tooLarge(href, maxBytes);
  }
  let stream: Readable = response;
  if (encoding === 'gzip' || encoding === 'x-gzip') stream = response.pipe(zlib.createGunzip());
  else if (encoding === 'deflate') stream = response.pipe(zlib.createInflate());
  else if (encoding === 'br') stream = response.pipe(zlib.createBrotliDecompress());
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of stream) {
      total += (chunk as Buffer).length;
      if (total > maxBytes) throw tooLarge(href, maxBytes);
      chunks.push(chunk as Buffer);
    }
  } catch (cause) {
    response.destroy();
    stream.destroy();
    if (cause instanceof NewsdeskError) throw cause;
    if (signal.aborted) throw new NewsdeskError('FETCH_TIMEOUT', `${href} did not finish sending in time.`, { cause });
    throw new NewsdeskError('SOURCE_UNREACHABLE', `Reading ${href} failed: ${(cause as Error).message}`, { cause });
  }
  return Buffer.concat(chunks);
}

function tooLarge(href: string, maxBytes: number): NewsdeskError {
  return new NewsdeskError('FETCH_TOO_LARGE', `${href} sent more than ${maxBytes} bytes.`);
}

function toFetchError(cause: unknown, url: URL, signal: AbortSignal): NewsdeskError {
  if (cause instanceof NewsdeskError) return cause;
  if (signal.aborted) return new NewsdeskError('FETCH_TIMEOUT', `${url.href} did not answer in time.`, { cause });
  return new NewsdeskError('SOURCE_UNREACHABLE', `Cannot fetch ${url.href}: ${(cause as Error).message}`, { cause });
}
