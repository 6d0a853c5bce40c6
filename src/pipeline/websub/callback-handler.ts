import { timingSafeEqual } from 'node:crypto';
import { asNewsdeskError } from '../../platform/errors.js';
import { itemsToArticles } from '../ingest/items-to-articles.js';
import { parseSourceDocument } from '../ingest/parse-source-document.js';
import { checkSignature } from './signature.js';
import type { Subscription } from './subscription.js';
import { acceptsContent, confirmsIntent, retryAfterFailure } from './subscription-rules.js';
import type { WebSubDependencies } from './websub-dependencies.js';

/** What the callback answers: a status and, for a confirmed verification, the challenge. */
export interface CallbackAnswer {
  status: number;
  body?: string;
}

/** Largest lease accepted from a hub; a longer one is renewed sooner anyway. */
const MAX_LEASE_SECONDS = 365 * 24 * 3600;

/**
 * Intent verification (W3C WebSub §5.3): the hub asks whether we want what it was asked
 * for. The challenge is echoed only for the topic and mode we requested; anything else —
 * an unknown callback, a wrong token, another topic, an unsubscription we did not ask
 * for — is answered 404. `hub.mode=denied` (§5.2) records the refusal: polling goes on.
 */
export async function verifyIntent(
  request: { id: number; token: string; query: Record<string, string | undefined> },
  deps: WebSubDependencies,
): Promise<CallbackAnswer> {
  const subscription = await findSubscription(request.id, request.token, deps);
  const mode = request.query['hub.mode'] ?? '';
  const topic = request.query['hub.topic'] ?? '';
  const log = deps.logger.child({ subscription_id: request.id });
  if (mode === 'denied') {
    if (!subscription || subscription.topic !== topic) return { status: 404 };
    const reason = request.query['hub.reason'] ?? 'no reason given';
    await deps.subscriptions.markFailed(subscription.id, `denied by the hub: ${reason}`, retryAfterFailure(deps.clock.now(), subscription.failures + 1));
    log.warn({ event: 'websub_subscription_denied', reason });
    return { status: 200 };
  }
  const challenge = request.query['hub.challenge'];
  if (!challenge || !confirmsIntent(subscription, mode, topic)) {
    log.info({ event: 'websub_verification_refused', mode, topic });
    return { status: 404 };
  }
  const confirmed = subscription as Subscription;
  if (mode === 'unsubscribe') {
    await deps.subscriptions.remove(confirmed.id);
    log.info({ event: 'websub_unsubscribed', source_id: confirmed.sourceId });
  } else {
    const granted = Number(request.query['hub.lease_seconds']);
    const lease = Number.isInteger(granted) && granted > 0 ? Math.min(granted, MAX_LEASE_SECONDS) : deps.leaseSeconds;
    await deps.subscriptions.activate(confirmed.id, lease, deps.clock.now());
    log.info({ event: 'websub_subscribed', source_id: confirmed.sourceId, lease_seconds: lease });
  }
  return { status: 200, body: challenge };
}

/**
 * Content distribution (§7, §8): the hub POSTs the topic's new content. It is stored like a
 * fetched feed (parse → items to articles → new ones stored) only when the HMAC signature
 * of the raw body matches our secret and the lease is running. A bad or missing signature
 * is logged and the body ignored, yet answered 2xx as §8 allows, so a forger learns nothing.
 */
export async function receiveContent(
  request: { id: number; token: string; body: Uint8Array; contentType: string | null; signature: string | string[] | undefined },
  deps: WebSubDependencies,
): Promise<CallbackAnswer & { stored: number }> {
  const subscription = await findSubscription(request.id, request.token, deps);
  if (!subscription) return { status: 404, stored: 0 };
  const log = deps.logger.child({ subscription_id: subscription.id, source_id: subscription.sourceId });
  const now = deps.clock.now();
  const signature = checkSignature(request.signature, request.body, subscription.secret);
  if (signature !== 'valid') {
    log.warn({ event: 'websub_signature_invalid', reason: signature });
    return { status: 202, stored: 0 };
  }
  if (!acceptsContent(subscription, now)) {
    log.info({ event: 'websub_content_ignored', state: subscription.state });
    return { status: 202, stored: 0 };
  }
  try {
    const document = { body: request.body, contentType: request.contentType, finalUrl: subscription.topic ?? '' };
    const feed = await parseSourceDocument(document, { parseFeed: deps.parseFeed });
    // A hub pushes items as they are published: their first-seen time is exact.
    const ids = await deps.articles.insertNew(itemsToArticles(feed, subscription.sourceId, now, now));
    await deps.subscriptions.noteContent(subscription.id, now);
    log.info({ event: 'websub_content_received', items: feed.items.length, new_articles: ids.length });
    return { status: 202, stored: ids.length };
  } catch (error) {
    // Unreadable content is the publisher's fault: polling will read the feed itself.
    const e = asNewsdeskError(error);
    log.warn({ event: 'websub_content_unreadable', error_code: e.code, err: e });
    return { status: 202, stored: 0 };
  }
}

/** The subscription the callback URL names, if its token matches. */
async function findSubscription(id: number, token: string, deps: WebSubDependencies): Promise<Subscription | null> {
  if (!Number.isSafeInteger(id) || id <= 0) return null;
  const subscription = await deps.subscriptions.get(id);
  if (!subscription) return null;
  const expected = Buffer.from(subscription.callbackToken);
  const given = Buffer.from(token);
  return expected.length === given.length && timingSafeEqual(expected, given) ? subscription : null;
}
