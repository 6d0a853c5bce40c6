import type { Config } from '../../platform/config/config.js';
import { fetchUrl, type FetchOptions, type FetchResult } from './fetch-url.js';
import { HostPoliteness } from './host-politeness.js';
import { RobotsPolicy } from './robots-policy.js';

type FetchSettings = Pick<
  Config,
  | 'userAgent'
  | 'fetchTimeoutMs'
  | 'fetchConnectTimeoutMs'
  | 'fetchHeaderTimeoutMs'
  | 'fetchMaxBytes'
  | 'allowPrivateNetworks'
  | 'fetchHostConcurrency'
  | 'fetchDomainRate'
  | 'fetchDomainBurst'
>;

/** Everything one process fetches with: the same limits, the same politeness and the same robots.txt cache. */
export interface Fetching {
  readonly options: FetchOptions;
  readonly politeness: HostPoliteness;
  /** robots.txt for article pages (feeds a person added are not checked). */
  readonly robots: RobotsPolicy;
  fetch(url: string, extra?: Partial<FetchOptions>): Promise<FetchResult>;
}

/**
 * Builds the fetcher of one process from the configuration. Politeness is in-process: each
 * worker process keeps its own limits, and across processes the per-source schedule (a
 * source is checked minutes apart, by one job at a time) is what keeps the load low.
 */
export function createFetching(config: FetchSettings): Fetching {
  const politeness = new HostPoliteness({
    perHostConcurrency: config.fetchHostConcurrency,
    domainRequestsPerSecond: config.fetchDomainRate,
    domainBurst: config.fetchDomainBurst,
  });
  const options: FetchOptions = {
    userAgent: config.userAgent,
    timeoutMs: config.fetchTimeoutMs,
    connectTimeoutMs: Math.min(config.fetchConnectTimeoutMs, config.fetchTimeoutMs),
    headerTimeoutMs: Math.min(config.fetchHeaderTimeoutMs, config.fetchTimeoutMs),
    maxBytes: config.fetchMaxBytes,
    allowPrivateNetworks: config.allowPrivateNetworks,
    politeness,
  };
  const fetch = (url: string, extra: Partial<FetchOptions> = {}) => fetchUrl(url, { ...options, ...extra });
  const robots = new RobotsPolicy({
    fetch: (url) => fetch(url, { accept: 'text/plain' }),
    userAgent: config.userAgent,
  });
  return { options, politeness, robots, fetch };
}
