import { dueAction, VERIFICATION_TIMEOUT_MS } from './subscription-rules.js';
import type { SubscriptionStore } from './websub-dependencies.js';

/** What the periodic check found to do. */
export interface SubscriptionWork {
  /** Sources to subscribe (first discovery, renewal, retry). */
  subscribe: number[];
  /** Subscriptions of removed sources to unsubscribe. */
  unsubscribe: number[];
  /** Unsubscriptions the hub never confirmed, dropped. */
  forgotten: number;
}

/**
 * Finds what needs doing at `now`: sources never looked at, leases close to their end,
 * failed subscriptions due for another try, lost requests, and removed sources whose
 * subscriptions must be cancelled.
 */
export async function findSubscriptionWork(store: SubscriptionStore, now: number, limit = 500): Promise<SubscriptionWork> {
  const subscribe = new Set(await store.undiscoveredSourceIds(limit));
  for (const subscription of await store.needingAttention(now, VERIFICATION_TIMEOUT_MS, limit)) {
    if (dueAction(subscription, now) === 'subscribe') subscribe.add(subscription.sourceId);
  }
  const unsubscribe: number[] = [];
  let forgotten = 0;
  for (const orphan of await store.orphaned(limit)) {
    if (orphan.state !== 'unsubscribing') unsubscribe.push(orphan.id);
    else if (dueAction(orphan, now) === 'forget') {
      await store.remove(orphan.id);
      forgotten++;
    }
  }
  return { subscribe: [...subscribe], unsubscribe, forgotten };
}
