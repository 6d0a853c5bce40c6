import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { NewsdeskError } from '../../platform/errors.js';
import { isPrivateAddress } from '../fetch/address-guard.js';

export interface HubRequestOptions {
  userAgent: string;
  timeoutMs: number;
  allowPrivateNetworks: boolean;
}

/** What the hub answered; its body only as a short reason for people. */
export interface HubAnswer {
  status: number;
  reason: string;
}

/**
 * POSTs a form-encoded (un)subscription request to a hub (W3C WebSub §5.1). A hub URL comes
 * from a feed, so it is hostile input: the same private-network guard as fetching applies,
 * checked inside the DNS lookup so the checked address is the one connected to. Redirects
 * are not followed (§5.1 does not ask for it, and a redirect could point anywhere).
 * Network failures throw SOURCE_UNREACHABLE or FETCH_BLOCKED.
 */
export function postToHub(hub: string, form: Record<string, string>, options: HubRequestOptions): Promise<HubAnswer> {
  const url = new URL(hub);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) && refused(host, options)) return Promise.reject(blocked(url, host));
  const body = new URLSearchParams(form).toString();
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(
      url,
      {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body), 'user-agent': options.userAgent },
        signal: AbortSignal.timeout(options.timeoutMs),
        lookup: guardedLookup(url, options),
      },
      (response) => {
        let reason = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          // Only the start of the answer is kept, as a reason to log.
          if (reason.length < 500) reason += chunk;
        });
        response.on('end', () => resolve({ status: response.statusCode ?? 0, reason: reason.slice(0, 500).trim() }));
        response.on('error', (cause) => reject(unreachable(url, cause)));
      },
    );
    req.on('error', (cause) => reject(cause instanceof NewsdeskError ? cause : unreachable(url, cause)));
    req.end(body);
  });
}

function refused(address: string, options: HubRequestOptions): boolean {
  return !options.allowPrivateNetworks && isPrivateAddress(address);
}

function guardedLookup(url: URL, options: HubRequestOptions): LookupFunction {
  return (hostname, lookupOptions, callback) => {
    dnsLookup(hostname, { ...lookupOptions, all: true }, (error, addresses) => {
      if (error) return callback(error, '', 0);
      const list = addresses as LookupAddress[];
      const bad = list.find((a) => refused(a.address, options));
      if (bad) return callback(blocked(url, bad.address), '', 0);
      if (lookupOptions.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, list);
      const first = list[0];
      if (!first) return callback(new Error(`no address for ${hostname}`), '', 0);
      callback(null, first.address, first.family);
    });
  };
}

function blocked(url: URL, address: string): NewsdeskError {
  return new NewsdeskError('FETCH_BLOCKED', `The hub ${url.host} resolves to ${address}, a private-network address.`);
}

function unreachable(url: URL, cause: unknown): NewsdeskError {
  return new NewsdeskError('SOURCE_UNREACHABLE', `Cannot reach the hub ${url.href}: ${(cause as Error).message}`, { cause });
}
