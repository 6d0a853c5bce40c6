import { asNewsdeskError } from '../../platform/errors.js';
import { discoverHub } from './discover-hub.js';
import { NO_HUB_RECHECK_MS, retryAfterFailure } from './subscription-rules.js';
import { callbackUrl, type WebSubDependencies } from './websub-dependencies.js';

export type SubscribeOutcome =
  | { status: 'requested'; hub: string; topic: string }
  | { status: 'no-hub' }
  | { status: 'failed'; message: string }
  | { status: 'source-gone' };

/**
 * Subscribes a source to its hub, or renews its lease (W3C WebSub §4, §5.1): fetch the feed
 * → discover the hub and topic (Link headers first) → record the request → POST it to the
 * hub. The hub then verifies our intent by calling the callback (see `verifyIntent`), which
 * is what makes the subscription active. A hub that refuses or cannot be reached leaves the
 * source on polling alone, and is tried again later with backoff.
 */
export async function subscribeSource(sourceId: number, deps: WebSubDependencies): Promise<SubscribeOutcome> {
  const log = deps.logger.child({ source_id: sourceId });
  let source;
  try {
    source = await deps.sources.get(sourceId);
  } catch {
    return { status: 'source-gone' };
  }
  const subscription = await deps.subscriptions.ensure(sourceId, { callbackToken: deps.randomToken(24), secret: deps.randomToken(32) });
  let discovery;
  try {
    const fetched = await deps.fetchFeed(source.url);
    const feed = deps.parseFeed(fetched.body, { url: fetched.finalUrl, ...(fetched.contentType ? { contentType: fetched.contentType } : {}) });
    discovery = discoverHub({ headers: fetched.headers, feed, fetchedUrl: fetched.finalUrl });
  } catch (error) {
    const e = asNewsdeskError(error);
    // A document that is no feed (a sitemap source) has no hub to find: looked at again weekly, not daily.
    if (e.code === 'FEED_MALFORMED') {
      await deps.subscriptions.markNoHub(subscription.id, deps.clock.now() + NO_HUB_RECHECK_MS);
      return { status: 'no-hub' };
    }
    await deps.subscriptions.markFailed(subscription.id, `discovery: ${e.code}: ${e.message}`, retryAfterFailure(deps.clock.now(), subscription.failures + 1));
    log.info({ event: 'websub_discovery_failed', error_code: e.code });
    return { status: 'failed', message: e.message };
  }
  if (!discovery) {
    await deps.subscriptions.markNoHub(subscription.id, deps.clock.now() + NO_HUB_RECHECK_MS);
    return { status: 'no-hub' };
  }
  const refusals: string[] = [];
  for (const hub of discovery.hubs) {
    // Recorded before the request: a hub may verify intent before it even answers.
    await deps.subscriptions.markRequested(subscription.id, { hub, topic: discovery.topic }, deps.clock.now());
    try {
      const answer = await deps.postToHub(hub, {
        'hub.mode': 'subscribe',
        'hub.topic': discovery.topic,
        'hub.callback': callbackUrl(deps.publicUrl, subscription),
        // §5.1 advises a secret only over https; Newsdesk accepts nothing unsigned, so it is always sent.
        'hub.secret': subscription.secret,
        'hub.lease_seconds': String(deps.leaseSeconds),
      });
      if (answer.status >= 200 && answer.status < 300) {
        log.info({ event: 'websub_subscription_requested', hub, topic: discovery.topic, subscription_id: subscription.id });
        return { status: 'requested', hub, topic: discovery.topic };
      }
      refusals.push(`${hub} answered HTTP ${answer.status}${answer.reason ? `: ${answer.reason}` : ''}`);
    } catch (error) {
      refusals.push(asNewsdeskError(error).message);
    }
  }
  const message = refusals.join('; ');
  await deps.subscriptions.markFailed(subscription.id, message, retryAfterFailure(deps.clock.now(), subscription.failures + 1));
  log.warn({ event: 'websub_subscription_refused', reason: message, subscription_id: subscription.id });
  return { status: 'failed', message };
}

/**
 * Asks the hub to stop sending a removed source's content (§5.1, `hub.mode=unsubscribe`).
 * The row goes once the hub verifies the request; a hub that refuses or is gone is not
 * asked again — its lease lapses by itself, and the callback answers 404 meanwhile.
 */
export async function unsubscribeSubscription(subscriptionId: number, deps: WebSubDependencies): Promise<'requested' | 'forgotten'> {
  const subscription = await deps.subscriptions.get(subscriptionId);
  if (!subscription) return 'forgotten';
  if (!subscription.hub || !subscription.topic || subscription.state === 'no-hub') {
    await deps.subscriptions.remove(subscription.id);
    return 'forgotten';
  }
  const log = deps.logger.child({ subscription_id: subscription.id, source_id: subscription.sourceId });
  await deps.subscriptions.markUnsubscribing(subscription.id, deps.clock.now());
  try {
    const answer = await deps.postToHub(subscription.hub, {
      'hub.mode': 'unsubscribe',
      'hub.topic': subscription.topic,
      'hub.callback': callbackUrl(deps.publicUrl, subscription),
    });
    if (answer.status >= 200 && answer.status < 300) {
      log.info({ event: 'websub_unsubscription_requested', hub: subscription.hub });
      return 'requested';
    }
    log.warn({ event: 'websub_unsubscription_refused', hub: subscription.hub, status: answer.status });
  } catch (error) {
    log.warn({ event: 'websub_unsubscription_refused', hub: subscription.hub, error_code: asNewsdeskError(error).code });
  }
  await deps.subscriptions.remove(subscription.id);
  return 'forgotten';
}
