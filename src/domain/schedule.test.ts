import { describe, expect, it } from 'vitest';
import { MAX_BACKOFF_MS, nextCheckAfterFailure, nextCheckAfterSuccess, publishingInterval } from './schedule.js';

const minute = 60_000;
const hour = 60 * minute;
const bounds = { minMs: 5 * minute, maxMs: 24 * hour, defaultMs: 30 * minute };
const mid = () => 0.5;

describe('next check after a success', () => {
  it('uses the default interval while the rhythm is unknown, spread ±10%', () => {
    expect(nextCheckAfterSuccess(0, { bounds, publishingIntervalMs: null }, mid)).toBe(30 * minute);
    expect(nextCheckAfterSuccess(0, { bounds, publishingIntervalMs: null }, () => 0)).toBe(27 * minute);
    expect(nextCheckAfterSuccess(0, { bounds, publishingIntervalMs: null }, () => 1)).toBe(33 * minute);
  });

  it('follows how often the source publishes, within the bounds', () => {
    expect(nextCheckAfterSuccess(0, { bounds, publishingIntervalMs: 2 * hour }, mid)).toBe(2 * hour);
    expect(nextCheckAfterSuccess(0, { bounds, publishingIntervalMs: minute }, mid)).toBe(5 * minute);
    expect(nextCheckAfterSuccess(0, { bounds, publishingIntervalMs: 30 * 24 * hour }, mid)).toBe(24 * hour);
  });

  it('never checks sooner than the feed TTL or Cache-Control max-age allow', () => {
    expect(nextCheckAfterSuccess(0, { bounds, publishingIntervalMs: 10 * minute, ttlMinutes: 60 }, mid)).toBe(hour);
    expect(nextCheckAfterSuccess(0, { bounds, publishingIntervalMs: 10 * minute, maxAgeSeconds: 7200 }, mid)).toBe(2 * hour);
  });

  it('moves past skipHours and skipDays', () => {
    const monday0100 = Date.UTC(2026, 10, 2, 1, 0); // a Monday
    const next = nextCheckAfterSuccess(monday0100 - 30 * minute, { bounds, publishingIntervalMs: null, skipHours: [1, 2, 3] }, mid);
    expect(new Date(next).toISOString()).toBe('2026-11-02T04:00:00.000Z');
    const skipMonday = nextCheckAfterSuccess(monday0100 - 30 * minute, { bounds, publishingIntervalMs: null, skipDays: ['Monday'] }, mid);
    expect(new Date(skipMonday).toISOString()).toBe('2026-11-03T00:00:00.000Z');
    const everything = nextCheckAfterSuccess(0, { bounds, publishingIntervalMs: null, skipHours: [...Array(24).keys()] }, mid);
    expect(everything).toBe(30 * minute);
  });
});

describe('publishingInterval', () => {
  it('is the median gap of recent items, and unknown with fewer than three', () => {
    expect(publishingInterval([0, hour, 2 * hour, 5 * hour])).toBe(hour);
    expect(publishingInterval([0, hour])).toBeNull();
    expect(publishingInterval([7, 7, 7])).toBeNull();
  });
});

describe('next check after failures', () => {
  it('doubles the wait per consecutive failure, up to a day, and respects Retry-After', () => {
    expect(nextCheckAfterFailure(0, 30 * minute, 1, mid)).toBe(30 * minute);
    expect(nextCheckAfterFailure(0, 30 * minute, 2, mid)).toBe(60 * minute);
    expect(nextCheckAfterFailure(0, 30 * minute, 4, mid)).toBe(240 * minute);
    expect(nextCheckAfterFailure(0, 30 * minute, 50, mid)).toBe(MAX_BACKOFF_MS);
    expect(nextCheckAfterFailure(0, 30 * minute, 1, mid, 3 * hour)).toBe(3 * hour);
  });

  it('spreads retries so sources failing together do not retry in step', () => {
    const times = new Set([0, 0.25, 0.5, 0.75, 1].map((r) => nextCheckAfterFailure(0, 30 * minute, 3, () => r)));
    expect(times.size).toBe(5);
  });
});
