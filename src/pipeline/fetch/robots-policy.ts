import { asNewsdeskError } from '../../platform/errors.js';
import type { FetchResult } from './fetch-url.js';
import { parseRobotsTxt, userAgentToken, type RobotsRules } from './robots-txt.js';

export interface RobotsPolicyOptions {
  /** Fetches a robots.txt through the same fetcher as everything else (limits, politeness, SSRF guard). */
  fetch(url: string): Promise<FetchResult>;
  /** Our User-Agent header; its product token (`Newsdesk`) is what robots.txt groups are matched against. */
  userAgent: string;
  /** How long a fetched robots.txt is trusted; RFC 9309 §2.4 suggests no more than 24 hours. */
  ttlMs?: number;
  /** How long a robots.txt that could not be fetched (5xx, 429, timeout) keeps the site closed before we ask again. */
  unreachableTtlMs?: number;
  /** Origins remembered at most; the least recently fetched is forgotten first. */
  maxOrigins?: number;
  now?: () => number;
}

export type RobotsVerdict = { allowed: boolean; temporary: false } | { allowed: boolean; temporary: true; retryAfterMs: number };

interface Entry {
  rules: RobotsRules;
  expiresAt: number;
  /** False for the "disallow everything" stand-in used while the file is unreachable. */
  fetched: boolean;
}

const ALLOW_ALL = parseRobotsTxt('');
const DISALLOW_ALL = parseRobotsTxt('User-agent: *\nDisallow: /\n');

/**
 * Decides whether an article page may be fetched, from its site's robots.txt (RFC 9309),
 * fetched once per origin and cached. Feeds a person added on purpose are not checked: the
 * publisher offers a feed to be read. Status handling follows §2.3.1: a 4xx (other than 429)
 * means there are no rules; a 5xx, a 429 or no answer at all means the whole site is
 * disallowed for a while — unless an earlier copy is still at hand, which is used instead.
 */
export class RobotsPolicy {
  private readonly cache = new Map<string, Entry>();
  private readonly pending = new Map<string, Promise<Entry>>();
  private readonly agent: string;
  private readonly ttlMs: number;
  private readonly unreachableTtlMs: number;
  private readonly maxOrigins: number;
  private readonly now: () => number;

  constructor(private readonly options: RobotsPolicyOptions) {
    this.agent = userAgentToken(options.userAgent);
    this.ttlMs = options.ttlMs ?? 24 * 3_600_000;
    this.unreachableTtlMs = options.unreachableTtlMs ?? 3_600_000;
    this.maxOrigins = options.maxOrigins ?? 10_000;
    this.now = options.now ?? Date.now;
  }

  /** True when our User-Agent may fetch `url`; addresses that are not http(s) are never allowed. */
  async isAllowed(url: string): Promise<boolean> {
    return (await this.verdict(url)).allowed;
  }

  /**
   * The decision with how long it holds: `temporary` when it stands in for a robots.txt that
   * could not be fetched, so a caller can try again after `retryAfterMs` rather than give up.
   */
  async verdict(url: string): Promise<RobotsVerdict> {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return { allowed: false, temporary: false };
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return { allowed: false, temporary: false };
    const entry = await this.rulesFor(parsed.origin);
    const allowed = entry.rules.isAllowed(parsed.href, this.agent);
    if (entry.fetched) return { allowed, temporary: false };
    return { allowed, temporary: true, retryAfterMs: Math.max(0, entry.expiresAt - this.now()) };
  }

  private async rulesFor(origin: string): Promise<Entry> {
    const cached = this.cache.get(origin);
    if (cached && cached.expiresAt > this.now()) return cached;
    let pending = this.pending.get(origin);
    if (!pending) {
      // One fetch per origin at a time, however many pages of the site are waiting on it.
      pending = this.load(origin, cached).finally(() => this.pending.delete(origin));
      this.pending.set(origin, pending);
    }
    return pending;
  }

  private async load(origin: string, previous: Entry | undefined): Promise<Entry> {
    const entry = await this.fetchEntry(origin, previous);
    this.cache.delete(origin);
    if (this.cache.size >= this.maxOrigins) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(origin, entry);
    return entry;
  }

  private async fetchEntry(origin: string, previous: Entry | undefined): Promise<Entry> {
    try {
      const response = await this.options.fetch(`${origin}/robots.txt`);
      const text = new TextDecoder('utf-8').decode(response.body);
      return { rules: parseRobotsTxt(text), expiresAt: this.now() + this.ttlMs, fetched: true };
    } catch (error) {
      const context = asNewsdeskError(error).context ?? {};
      const status = context['status'];
      if (typeof status === 'number' && status >= 400 && status < 500 && status !== 429) {
        return { rules: ALLOW_ALL, expiresAt: this.now() + this.ttlMs, fetched: true };
      }
      // A server's (or our own politeness's) "come back in N ms" can shorten the wait, never lengthen it.
      const retryAfterMs = context['retryAfterMs'];
      const waitMs = typeof retryAfterMs === 'number' ? Math.min(retryAfterMs, this.unreachableTtlMs) : this.unreachableTtlMs;
      const expiresAt = this.now() + waitMs;
      if (previous?.fetched) return { ...previous, expiresAt };
      return { rules: DISALLOW_ALL, expiresAt, fetched: false };
    }
  }
}
