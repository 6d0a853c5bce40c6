import { z } from 'zod';
import type { SubscribeOutcome } from '../../pipeline/websub/subscribe-source.js';
import type { SubscriptionWork } from '../../pipeline/websub/subscription-check.js';
import { defineJob, type JobDefinition } from '../catalogue.js';
import type { JobQueue } from '../job-queue.js';

const subscribePayload = z.object({ sourceId: z.number().int().positive() });
const unsubscribePayload = z.object({ subscriptionId: z.number().int().positive() });
const renewPayload = z.object({});

/**
 * `websub.subscribe`: discovers a source's hub and asks it for a subscription (or a
 * renewal). A refusal is recorded on the subscription with its own backoff and the source
 * keeps being polled, so the job itself succeeds.
 */
export function webSubSubscribeJob(deps: { subscribe(sourceId: number): Promise<SubscribeOutcome> }): JobDefinition<typeof subscribePayload> {
  return defineJob({
    kind: 'websub.subscribe',
    payload: subscribePayload,
    maxAttempts: 3,
    async handle({ sourceId }) {
      const outcome = await deps.subscribe(sourceId);
      if (outcome.status === 'requested') return;
      if (outcome.status === 'failed') return { skipped: `no subscription (${outcome.message}); the source is polled` };
      return { skipped: outcome.status === 'no-hub' ? 'the source advertises no hub' : 'the source was removed' };
    },
  });
}

/** `websub.unsubscribe`: cancels the subscription of a removed source at its hub. */
export function webSubUnsubscribeJob(deps: { unsubscribe(subscriptionId: number): Promise<'requested' | 'forgotten'> }): JobDefinition<typeof unsubscribePayload> {
  return defineJob({
    kind: 'websub.unsubscribe',
    payload: unsubscribePayload,
    maxAttempts: 3,
    async handle({ subscriptionId }) {
      const outcome = await deps.unsubscribe(subscriptionId);
      if (outcome === 'forgotten') return { skipped: 'the hub could not be asked; the lease lapses by itself' };
    },
  });
}

/**
 * `websub.renew`: the periodic look at subscriptions. Queues `websub.subscribe` for sources
 * never looked at, leases near their end and failed subscriptions due for a retry, and
 * `websub.unsubscribe` for removed sources; one job per source or subscription at a time.
 */
export function webSubRenewJob(deps: {
  findWork(now: number): Promise<SubscriptionWork>;
  queue: JobQueue;
  subscribeJob: JobDefinition<typeof subscribePayload>;
  unsubscribeJob: JobDefinition<typeof unsubscribePayload>;
  now(): number;
}): JobDefinition<typeof renewPayload> {
  return defineJob({
    kind: 'websub.renew',
    payload: renewPayload,
    maxAttempts: 1,
    async handle(_payload, context) {
      const work = await deps.findWork(deps.now());
      if (work.subscribe.length === 0 && work.unsubscribe.length === 0) return { skipped: 'no subscription needs anything' };
      const subscribing = work.subscribe.length
        ? await deps.queue.enqueueMany(deps.subscribeJob, work.subscribe.map((sourceId) => ({ payload: { sourceId }, uniqueKey: `websub.subscribe:${sourceId}` })))
        : 0;
      const unsubscribing = work.unsubscribe.length
        ? await deps.queue.enqueueMany(
            deps.unsubscribeJob,
            work.unsubscribe.map((subscriptionId) => ({ payload: { subscriptionId }, uniqueKey: `websub.unsubscribe:${subscriptionId}` })),
          )
        : 0;
      context.logger.info({ event: 'websub_work_queued', subscribe: subscribing, unsubscribe: unsubscribing, forgotten: work.forgotten });
    },
  });
}

/** The three WebSub job kinds, wired to one subscriber. */
export function webSubJobs(deps: {
  subscriber: { subscribe(sourceId: number): Promise<SubscribeOutcome>; unsubscribe(id: number): Promise<'requested' | 'forgotten'>; findWork(now: number): Promise<SubscriptionWork> };
  queue: JobQueue;
  now(): number;
}) {
  const subscribe = webSubSubscribeJob({ subscribe: (id) => deps.subscriber.subscribe(id) });
  const unsubscribe = webSubUnsubscribeJob({ unsubscribe: (id) => deps.subscriber.unsubscribe(id) });
  const renew = webSubRenewJob({ findWork: (now) => deps.subscriber.findWork(now), queue: deps.queue, subscribeJob: subscribe, unsubscribeJob: unsubscribe, now: deps.now });
  return { subscribe, unsubscribe, renew };
}
