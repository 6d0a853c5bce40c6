import { describe, expect, it } from 'vitest';
import type { Subscription } from './subscription.js';
import { acceptsContent, confirmsIntent, dueAction, renewalWindowMs, retryAfterFailure } from './subscription-rules.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const now = Date.UTC(2026, 10, 1);

function subscription(overrides: Partial<Subscription>): Subscription {
  return {
    id: 1, sourceId: 7, state: 'active', hub: 'https://hub.example/', topic: 'https://news.example/feed',
    callbackToken: 'token', secret: 'secret', leaseSeconds: 10 * 24 * 3600, requestedAt: now - 9 * DAY,
    verifiedAt: now - 9 * DAY, expiresAt: now + DAY, retryAt: null, failures: 0, lastError: null, lastContentAt: null,
    ...overrides,
  };
}

describe('renewalWindowMs', () => {
  it('is a tenth of the lease, at most a day, at least ten minutes, never more than half the lease', () => {
    expect(renewalWindowMs(5 * 24 * 3600)).toBe(12 * HOUR);
    expect(renewalWindowMs(30 * 24 * 3600)).toBe(DAY);
    expect(renewalWindowMs(3600)).toBe(10 * 60_000);
    expect(renewalWindowMs(600)).toBe(300_000);
  });
});

describe('dueAction', () => {
  it('renews an active lease inside its renewal window, not before', () => {
    expect(dueAction(subscription({ expiresAt: now + DAY }), now)).toBe('subscribe');
    expect(dueAction(subscription({ expiresAt: now + DAY + 1 }), now)).toBeNull();
  });

  it('waits for a renewal already requested, until the request is taken as lost', () => {
    expect(dueAction(subscription({ requestedAt: now - 10 * 60_000 }), now)).toBeNull();
    expect(dueAction(subscription({ requestedAt: now - 2 * HOUR }), now)).toBe('subscribe');
  });

  it('retries failed and hub-less subscriptions once their time has come', () => {
    expect(dueAction(subscription({ state: 'failed', retryAt: now + 1 }), now)).toBeNull();
    expect(dueAction(subscription({ state: 'failed', retryAt: now }), now)).toBe('subscribe');
    expect(dueAction(subscription({ state: 'no-hub', retryAt: now - 1 }), now)).toBe('subscribe');
  });

  it('re-requests a lost verification, and forgets an unsubscription the hub never confirmed', () => {
    expect(dueAction(subscription({ state: 'requested', requestedAt: now - 5 * 60_000 }), now)).toBeNull();
    expect(dueAction(subscription({ state: 'requested', requestedAt: now - 2 * HOUR }), now)).toBe('subscribe');
    expect(dueAction(subscription({ state: 'unsubscribing', requestedAt: now - 2 * HOUR }), now)).toBe('forget');
  });
});

describe('retryAfterFailure', () => {
  it('doubles from an hour up to a day', () => {
    expect(retryAfterFailure(now, 1) - now).toBe(HOUR);
    expect(retryAfterFailure(now, 3) - now).toBe(4 * HOUR);
    expect(retryAfterFailure(now, 20) - now).toBe(DAY);
  });
});

describe('acceptsContent', () => {
  it('accepts while a verified lease runs, even when its renewal failed', () => {
    expect(acceptsContent(subscription({}), now)).toBe(true);
    expect(acceptsContent(subscription({ state: 'failed' }), now)).toBe(true);
    expect(acceptsContent(subscription({ expiresAt: now }), now)).toBe(false);
    expect(acceptsContent(subscription({ state: 'requested', expiresAt: null }), now)).toBe(false);
    expect(acceptsContent(subscription({ state: 'requested' }), now)).toBe(true);
    expect(acceptsContent(subscription({ state: 'unsubscribing' }), now)).toBe(false);
  });
});

describe('confirmsIntent', () => {
  it('confirms only the topic and mode that were asked for', () => {
    expect(confirmsIntent(subscription({ state: 'requested' }), 'subscribe', 'https://news.example/feed')).toBe(true);
    expect(confirmsIntent(subscription({ state: 'requested' }), 'subscribe', 'https://news.example/other')).toBe(false);
    expect(confirmsIntent(subscription({ state: 'active' }), 'unsubscribe', 'https://news.example/feed')).toBe(false);
    expect(confirmsIntent(subscription({ state: 'unsubscribing' }), 'unsubscribe', 'https://news.example/feed')).toBe(true);
    expect(confirmsIntent(subscription({ state: 'no-hub' }), 'subscribe', 'https://news.example/feed')).toBe(false);
    expect(confirmsIntent(null, 'subscribe', 'https://news.example/feed')).toBe(false);
  });
});
