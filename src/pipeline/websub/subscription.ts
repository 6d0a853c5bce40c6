/**
 * A source's WebSub subscription, as the subscriber keeps it.
 *
 * - `requested`: a subscription request was sent; the hub has not verified it yet.
 * - `active`: the hub verified it; content is accepted until `expiresAt`.
 * - `unsubscribing`: the source was removed; an unsubscription was requested.
 * - `failed`: the hub refused, denied or could not be reached; the source is polled and
 *   the subscription tried again at `retryAt`.
 * - `no-hub`: the source advertises no hub; discovery is tried again at `retryAt`.
 */
export type SubscriptionState = 'requested' | 'active' | 'unsubscribing' | 'failed' | 'no-hub';

export interface Subscription {
  id: number;
  sourceId: number;
  state: SubscriptionState;
  hub: string | null;
  topic: string | null;
  /** The unguessable last part of the callback URL. */
  callbackToken: string;
  /** The HMAC key the hub signs content with. */
  secret: string;
  /** The lease the hub granted, in seconds. */
  leaseSeconds: number | null;
  /** When the last subscription (or unsubscription) request was sent. */
  requestedAt: number | null;
  verifiedAt: number | null;
  expiresAt: number | null;
  retryAt: number | null;
  /** Failed attempts in a row, for the backoff. */
  failures: number;
  lastError: string | null;
  lastContentAt: number | null;
}
