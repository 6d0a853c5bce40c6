import { getDomain } from 'tldts';
import { NewsdeskError } from '../../platform/errors.js';

export interface PolitenessLimits {
  /** Requests in flight at once to one host (name and port). */
  perHostConcurrency: number;
  /** Sustained requests per second to one registrable domain (`bbc.co.uk` covers `www.` and `feeds.`). */
  domainRequestsPerSecond: number;
  /** Requests a quiet domain may receive at once before the rate applies. */
  domainBurst: number;
}

/** What the fetcher waits on before each request; `release` is called once the body is read. */
export interface Politeness {
  /** Waits for a turn; `deadline` (epoch ms) is when the caller gives up, `signal` aborts the wait then. */
  acquire(url: URL, signal: AbortSignal, deadline: number): Promise<() => void>;
  /** A server asked us to come back later (429/503 with Retry-After): hold its domain until then. */
  holdOff(url: URL, ms: number): void;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
  holdUntil: number;
}

interface HostSlots {
  active: number;
  waiting: Array<() => void>;
}

const MAX_TRACKED_DOMAINS = 10_000;

/**
 * Per-host concurrency and a token bucket per registrable domain, for one process. Each
 * worker process has its own: across processes the per-source schedule (one check of a
 * source at a time, minutes apart) is what keeps the load on a publisher low, and this
 * object keeps a burst of article fetches from one process within bounds.
 *
 * A token taken from an empty bucket is a debt that the caller waits out, so waiters are
 * served in order at the configured rate. A wait that would outlast the caller's deadline
 * fails at once with FETCH_RATE_LIMITED and `retryAfterMs`, without spending a token.
 */
export class HostPoliteness implements Politeness {
  private readonly buckets = new Map<string, Bucket>();
  private readonly hosts = new Map<string, HostSlots>();

  constructor(
    private readonly limits: PolitenessLimits,
    private readonly now: () => number = Date.now,
  ) {}

  async acquire(url: URL, signal: AbortSignal, deadline: number): Promise<() => void> {
    const release = await this.takeHostSlot(url.host, signal);
    try {
      const wait = this.reserveToken(domainOf(url), deadline - this.now());
      if (wait > 0) await sleep(wait, signal);
      return release;
    } catch (error) {
      release();
      if (signal.aborted && !(error instanceof NewsdeskError)) {
        throw new NewsdeskError('FETCH_TIMEOUT', `Waited too long for a turn to fetch from ${url.host}.`, {
          cause: error,
        });
      }
      throw error;
    }
  }

  holdOff(url: URL, ms: number): void {
    const bucket = this.bucket(domainOf(url));
    bucket.holdUntil = Math.max(bucket.holdUntil, this.now() + ms);
  }

  private reserveToken(domain: string, budgetMs: number): number {
    const bucket = this.bucket(domain);
    const now = this.now();
    if (bucket.holdUntil > now) {
      const retryAfterMs = bucket.holdUntil - now;
      throw new NewsdeskError(
        'FETCH_RATE_LIMITED',
        `${domain} asked to be left alone for ${Math.ceil(retryAfterMs / 1000)} s more.`,
        {
          context: { retryAfterMs },
        },
      );
    }
    const rate = this.limits.domainRequestsPerSecond / 1000;
    bucket.tokens = Math.min(this.limits.domainBurst, bucket.tokens + (now - bucket.updatedAt) * rate);
    bucket.updatedAt = now;
    const wait = bucket.tokens >= 1 ? 0 : Math.ceil((1 - bucket.tokens) / rate);
    if (wait > budgetMs) {
      throw new NewsdeskError(
        'FETCH_RATE_LIMITED',
        `Too many requests queued for ${domain}; the next turn is in ${wait} ms.`,
        {
          context: { retryAfterMs: wait },
        },
      );
    }
    bucket.tokens -= 1;
    return wait;
  }

  private bucket(domain: string): Bucket {
    let bucket = this.buckets.get(domain);
    if (!bucket) {
      if (this.buckets.size >= MAX_TRACKED_DOMAINS) this.forgetIdleDomains();
      bucket = { tokens: this.limits.domainBurst, updatedAt: this.now(), holdUntil: 0 };
      this.buckets.set(domain, bucket);
    }
    return bucket;
  }

  /** A full bucket with no hold carries no information: dropping it bounds memory. */
  private forgetIdleDomains(): void {
    const now = this.now();
    const fullAfterMs = this.limits.domainBurst / (this.limits.domainRequestsPerSecond / 1000);
    for (const [domain, b] of this.buckets) {
      if (b.holdUntil <= now && now - b.updatedAt >= fullAfterMs) this.buckets.delete(domain);
    }
  }

  private async takeHostSlot(host: string, signal: AbortSignal): Promise<() => void> {
    let slots = this.hosts.get(host);
    if (!slots) this.hosts.set(host, (slots = { active: 0, waiting: [] }));
    const hostSlots = slots;
    if (hostSlots.active >= this.limits.perHostConcurrency) {
      await new Promise<void>((resolve, reject) => {
        const onAbort = () => {
          const index = hostSlots.waiting.indexOf(wake);
          if (index >= 0) hostSlots.waiting.splice(index, 1);
          reject(new NewsdeskError('FETCH_TIMEOUT', `Waited too long for a free connection to ${host}.`));
        };
        const wake = () => {
          signal.removeEventListener('abort', onAbort);
          resolve();
        };
        hostSlots.waiting.push(wake);
        signal.addEventListener('abort', onAbort, { once: true });
      });
    } else {
      hostSlots.active++;
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      // Hand the slot straight to the next waiter, so `active` never dips and lets a newcomer jump the queue.
      const next = hostSlots.waiting.shift();
      if (next) return next();
      hostSlots.active--;
      if (hostSlots.active === 0) this.hosts.delete(host);
    };
  }
}

/** The registrable domain (public suffix list), or the host itself for IP addresses and bare names. */
export function domainOf(url: URL): string {
  return getDomain(url.hostname, { allowPrivateDomains: true }) ?? url.hostname;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
