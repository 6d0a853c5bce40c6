import { randomBytes } from 'node:crypto';
import { receiveContent, verifyIntent, type CallbackAnswer } from './callback-handler.js';
import { subscribeSource, unsubscribeSubscription, type SubscribeOutcome } from './subscribe-source.js';
import { findSubscriptionWork, type SubscriptionWork } from './subscription-check.js';
import { receivesPushes } from './subscription-rules.js';
import type { WebSubDependencies } from './websub-dependencies.js';

/** The subscriber side of WebSub, as the jobs and the callback route use it. */
export interface WebSubscriber {
  subscribe(sourceId: number): Promise<SubscribeOutcome>;
  unsubscribe(subscriptionId: number): Promise<'requested' | 'forgotten'>;
  findWork(now: number): Promise<SubscriptionWork>;
  verifyIntent(request: Parameters<typeof verifyIntent>[0]): Promise<CallbackAnswer>;
  receiveContent(request: Parameters<typeof receiveContent>[0]): Promise<CallbackAnswer & { stored: number }>;
  /** Whether a source's new content currently arrives by push. */
  receivesPushes(sourceId: number, now: number): Promise<boolean>;
}

/** Builds the subscriber; `randomToken` defaults to the system's cryptographic randomness. */
export function createWebSubscriber(deps: Omit<WebSubDependencies, 'randomToken'> & Partial<Pick<WebSubDependencies, 'randomToken'>>): WebSubscriber {
  const full: WebSubDependencies = { randomToken: (bytes) => randomBytes(bytes).toString('base64url'), ...deps };
  return {
    subscribe: (sourceId) => subscribeSource(sourceId, full),
    unsubscribe: (subscriptionId) => unsubscribeSubscription(subscriptionId, full),
    findWork: (now) => findSubscriptionWork(full.subscriptions, now),
    verifyIntent: (request) => verifyIntent(request, full),
    receiveContent: (request) => receiveContent(request, full),
    receivesPushes: async (sourceId, now) => receivesPushes(await full.subscriptions.forSource(sourceId), now),
  };
}
