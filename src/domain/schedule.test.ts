import { describe, expect, it } from 'vitest';
import { MAX_BACKOFF_MS, nextCheckAfterFailure, nextCheckAfterSuccess } from './schedule.js';

const minute = 60_000;

describe('source schedule', () => {
  it('checks again after about one interval, spread so sources do not stay in step', () => {
    expect(nextCheckAfterSuccess(0, 30 * minute, () => 0.5)).toBe(30 * minute);
    expect(nextCheckAfterSuccess(0, 30 * minute, () => 0)).toBe(27 * minute);
    expect(nextCheckAfterSuccess(0, 30 * minute, () => 1)).toBe(33 * minute);
  });

  it('doubles the wait per consecutive failure, up to a day', () => {
    const mid = () => 0.5;
    expect(nextCheckAfterFailure(0, 30 * minute, 1, mid)).toBe(30 * minute);
    expect(nextCheckAfterFailure(0, 30 * minute, 2, mid)).toBe(60 * minute);
    expect(nextCheckAfterFailure(0, 30 * minute, 4, mid)).toBe(240 * minute);
    expect(nextCheckAfterFailure(0, 30 * minute, 50, mid)).toBe(MAX_BACKOFF_MS);
  });
});
