/**
 * When a source is checked next. After a success: the refresh interval, spread by up to
 * ±10% so sources added together do not stay in step. After failures: the interval
 * doubled per consecutive failure, capped at a day, so a dead source costs little.
 */
export function nextCheckAfterSuccess(now: number, intervalMs: number, random: () => number = Math.random): number {
  return now + Math.round(intervalMs * (0.9 + 0.2 * random()));
}

export const MAX_BACKOFF_MS = 24 * 60 * 60 * 1000;

export function nextCheckAfterFailure(now: number, intervalMs: number, consecutiveFailures: number, random: () => number = Math.random): number {
  const exponent = Math.min(Math.max(consecutiveFailures, 1), 20);
  const backoff = Math.min(intervalMs * 2 ** (exponent - 1), MAX_BACKOFF_MS);
  return now + Math.round(backoff * (0.9 + 0.2 * random()));
}
