import type { NewArticle } from '../../domain/article.js';
import type { ParsedFeed } from '../../domain/feed.js';
import type { Source } from '../../domain/source.js';
import type { Clock } from '../../platform/clock.js';
import type { Logger } from '../../platform/logger.js';
import type { HubAnswer } from './hub-request.js';
import type { Subscription } from './subscription.js';

/** How subscriptions are kept (the store's `WebSubRepository`). */
export interface SubscriptionStore {
  get(id: number): Promise<Subscription | null>;
  forSource(sourceId: number): Promise<Subscription | null>;
  ensure(sourceId: number, credentials: { callbackToken: string; secret: string }): Promise<Subscription>;
  markRequested(id: number, target: { hub: string; topic: string }, now: number): Promise<void>;
  activate(id: number, leaseSeconds: number, now: number): Promise<void>;
  markFailed(id: number, error: string, retryAt: number): Promise<void>;
  markNoHub(id: number, retryAt: number): Promise<void>;
  markUnsubscribing(id: number, now: number): Promise<void>;
  noteContent(id: number, now: number): Promise<void>;
  remove(id: number): Promise<void>;
  undiscoveredSourceIds(limit: number): Promise<number[]>;
  orphaned(limit: number): Promise<Subscription[]>;
  needingAttention(now: number, verificationTimeoutMs: number, limit: number): Promise<Subscription[]>;
}

/** The parts the WebSub subscriber needs, passed in by the composition root. */
export interface WebSubDependencies {
  subscriptions: SubscriptionStore;
  sources: { get(id: number): Promise<Source> };
  articles: { insertNew(articles: NewArticle[]): Promise<number[]> };
  /** Fetches a feed with its response headers (for `Link` discovery). */
  fetchFeed(url: string): Promise<{ body: Uint8Array; contentType: string | null; finalUrl: string; headers: Record<string, string | string[] | undefined> }>;
  parseFeed(body: Uint8Array, options: { url?: string; contentType?: string }): ParsedFeed;
  postToHub(hub: string, form: Record<string, string>): Promise<HubAnswer>;
  /** A random URL-safe string: callback tokens and secrets. */
  randomToken(bytes: number): string;
  clock: Clock;
  logger: Logger;
  /** The public base address of this Newsdesk (`NEWSDESK_PUBLIC_URL`). */
  publicUrl: string;
  /** The lease asked of hubs; a hub may grant another. */
  leaseSeconds: number;
}

/** The address a hub calls for one subscription: its id, and a token no one can guess. */
export function callbackUrl(publicUrl: string, subscription: Pick<Subscription, 'id' | 'callbackToken'>): string {
  return `${publicUrl.replace(/\/+$/, '')}/websub/callback/${subscription.id}/${subscription.callbackToken}`;
}
