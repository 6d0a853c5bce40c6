import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { NewsdeskError } from '../../platform/errors.js';
import { isPrivateAddress } from './address-guard.js';

export interface RequestLimits {
  /** Aborts everything: the caller's total deadline. */
  signal: AbortSignal;
  /** DNS, TCP and TLS handshake together. */
  connectTimeoutMs: number;
  /** From sending the request to the status line and headers (time to first byte). */
  headerTimeoutMs: number;
  allowPrivateNetworks: boolean;
  /** Addresses reachable even when private networks are refused (a known intranet host). */
  allowAddresses: readonly string[];
}

/**
 * Sends one GET and resolves with the response once its headers arrive. The address guard
 * runs on IP literals before any socket opens and inside the DNS lookup for names, so the
 * address that was checked is the address connected to (no DNS rebinding window).
 */
export function sendRequest(
  url: URL,
  headers: Record<string, string>,
  limits: RequestLimits,
): Promise<http.IncomingMessage> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) && isRefused(host, limits)) return Promise.reject(blockedError(url, host));
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    let timer: NodeJS.Timeout | undefined;
    const fail = (error: NewsdeskError) => {
      clearTimeout(timer);
      req.destroy(error);
    };
    const req = client.get(
      url,
      // No pooled sockets: each request resolves and checks its address afresh, and one
      // fetcher's allowances (allowAddresses) can never leak into another's reused connection.
      { headers, signal: limits.signal, lookup: guardedLookup(url, limits), agent: false },
      (response) => {
        clearTimeout(timer);
        resolve(response);
      },
    );
    req.on('error', (cause) => {
      clearTimeout(timer);
      reject(toFetchError(cause, url, limits.signal));
    });
    timer = setTimeout(
      () => fail(timeoutError(url, 'connect', limits.connectTimeoutMs)),
      limits.connectTimeoutMs,
    );
    req.on('socket', (socket) => {
      const connected = () => {
        clearTimeout(timer);
        timer = setTimeout(
          () => fail(timeoutError(url, 'headers', limits.headerTimeoutMs)),
          limits.headerTimeoutMs,
        );
      };
      socket.once(url.protocol === 'https:' ? 'secureConnect' : 'connect', connected);
    });
  });
}

function isRefused(address: string, limits: RequestLimits): boolean {
  return (
    !limits.allowPrivateNetworks && isPrivateAddress(address) && !limits.allowAddresses.includes(address)
  );
}

/** DNS lookup that fails when any resolved address is refused, so the checked address is the one connected to. */
function guardedLookup(url: URL, limits: RequestLimits): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '', 0);
      const list = addresses as LookupAddress[];
      const bad = list.find((a) => isRefused(a.address, limits));
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

function timeoutError(url: URL, phase: 'connect' | 'headers', ms: number): NewsdeskError {
  const what = phase === 'connect' ? 'did not accept a connection' : 'did not start answering';
  return new NewsdeskError('FETCH_TIMEOUT', `${url.host} ${what} within ${ms} ms.`, { context: { phase } });
}

export function toFetchError(cause: unknown, url: URL, signal: AbortSignal): NewsdeskError {
  if (cause instanceof NewsdeskError) return cause;
  if (signal.aborted)
    return new NewsdeskError('FETCH_TIMEOUT', `${url.href} did not answer in time.`, {
      cause,
      context: { phase: 'total' },
    });
  return new NewsdeskError('SOURCE_UNREACHABLE', `Cannot fetch ${url.href}: ${(cause as Error).message}`, {
    cause,
  });
}
