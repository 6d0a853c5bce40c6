import { describe, expect, it } from 'vitest';
import { when } from './sources-page.js';

describe('when', () => {
  const now = Date.UTC(2026, 5, 1, 12);
  it('reads past and future times relative to now, and far ones as dates', () => {
    expect(when(null, now)).toBe('—');
    expect(when(now - 20_000, now)).toBe('now');
    expect(when(now - 12 * 60_000, now)).toBe('12 min ago');
    expect(when(now + 3 * 3_600_000, now)).toBe('in 3 h');
    expect(when(now - 10 * 86_400_000, now)).toBe('2026-05-22');
  });
});
