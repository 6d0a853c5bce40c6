import type { Subscription } from './subscription.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A request the hub has not verified after this long is taken as lost. */
export const VERIFICATION_TIMEOUT_MS = HOUR;
/** A source without a hub is looked at again after this long: publishers add hubs. */
export const NO_HUB_RECHECK_MS = 7 * DAY;

/**
 * How long before its end a lease is renewed: a tenth of its lifetime, at most a day, and
 * at least ten minutes (so a short lease is not missed between two checks), but never
 * more than half the lease.
 */
export function renewalWindowMs(leaseSeconds: number): number {
  const lease = leaseSeconds * 1000;
  return Math.min(Math.max(Math.min(lease / 10, DAY), 10 * MINUTE), lease / 2);
}

/** What the periodic check should do about a subscription whose source still exists. */
export function dueAction(subscription: Subscription, now: number): 'subscribe' | 'forget' | null {
  const { state, requestedAt, expiresAt, leaseSeconds, retryAt, verifiedAt } = subscription;
  const requestLost = requestedAt !== null && now - requestedAt >= VERIFICATION_TIMEOUT_MS;
  switch (state) {
    case 'active': {
      if (expiresAt === null || leaseSeconds === null) return 'subscribe';
      // A renewal already asked for and not yet verified is waited for, up to the timeout.
      const renewalPending = requestedAt !== null && verifiedAt !== null && requestedAt > verifiedAt && !requestLost;
      return expiresAt - now <= renewalWindowMs(leaseSeconds) && !renewalPending ? 'subscribe' : null;
    }
    case 'requested':
      return requestLost ? 'subscribe' : null;
    case 'failed':
    case 'no-hub':
      return retryAt === null || retryAt <= now ? 'subscribe' : null;
    case 'unsubscribing':
      // The hub never confirmed: its lease runs out by itself.
      return requestLost ? 'forget' : null;
  }
}

/** When to try a failed subscription again: 1 h, 2 h, 4 h... up to a day. */
export function retryAfterFailure(now: number, failures: number): number {
  return now + Math.min(HOUR * 2 ** Math.max(0, failures - 1), DAY);
}

/** Content is accepted while a verified lease runs, even while it is being renewed or its renewal is failing. */
export function acceptsContent(subscription: Subscription, now: number): boolean {
  if (subscription.state === 'unsubscribing' || subscription.state === 'no-hub') return false;
  return subscription.expiresAt !== null && subscription.expiresAt > now;
}

/**
 * Whether to confirm a hub's intent verification (W3C WebSub §5.3): only for the topic we
 * asked about, and only for what we asked — a subscription we requested (or are renewing),
 * or an unsubscription of a removed source. Anything else is refused with 404.
 */
export function confirmsIntent(subscription: Subscription | null, mode: string, topic: string): boolean {
  if (!subscription || subscription.topic !== topic) return false;
  if (mode === 'subscribe') return subscription.state === 'requested' || subscription.state === 'active' || subscription.state === 'failed';
  if (mode === 'unsubscribe') return subscription.state === 'unsubscribing';
  return false;
}

/** A verified, unexpired lease: new content reaches us by push, so polling is only a safety net. */
export function receivesPushes(subscription: Subscription | null, now: number): boolean {
  return subscription?.state === 'active' && subscription.expiresAt !== null && subscription.expiresAt > now;
}
