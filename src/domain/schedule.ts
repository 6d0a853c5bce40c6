/**
 * When a source is checked next. Pure: every input is passed in.
 *
 * After a success the interval follows how often the source publishes (the median gap
 * between its recent items), within configured bounds; it never undercuts what the
 * publisher asks (RSS `ttl`, HTTP `Cache-Control: max-age`), it avoids the publisher's
 * `skipHours`/`skipDays`, and it is spread by ±10% so sources do not stay in step.
 * After failures the wait doubles per consecutive failure, capped at a day.
 */
export interface ScheduleBounds {
  minMs: number;
  maxMs: number;
  /** Used while the publishing rhythm is unknown. */
  defaultMs: number;
}

export interface SuccessSchedule {
  bounds: ScheduleBounds;
  /** Median gap between the feed's recent items, or null when it cannot be told. */
  publishingIntervalMs: number | null;
  ttlMinutes?: number | null;
  maxAgeSeconds?: number | null;
  skipHours?: readonly number[];
  skipDays?: readonly string[];
}

const HOUR = 3_600_000;
export const MAX_BACKOFF_MS = 24 * HOUR;
const DAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

export function nextCheckAfterSuccess(now: number, schedule: SuccessSchedule, random: () => number = Math.random): number {
  const { bounds } = schedule;
  let interval = schedule.publishingIntervalMs ?? bounds.defaultMs;
  interval = Math.max(interval, (schedule.ttlMinutes ?? 0) * 60_000, (schedule.maxAgeSeconds ?? 0) * 1000);
  interval = clamp(interval, bounds.minMs, bounds.maxMs);
  const next = now + Math.round(interval * (0.9 + 0.2 * random()));
  return avoidSkipped(next, schedule.skipHours ?? [], schedule.skipDays ?? []);
}

export function nextCheckAfterFailure(
  now: number,
  intervalMs: number,
  consecutiveFailures: number,
  random: () => number = Math.random,
  notBefore = 0,
): number {
  const exponent = Math.min(Math.max(consecutiveFailures, 1), 20);
  const backoff = Math.min(intervalMs * 2 ** (exponent - 1), MAX_BACKOFF_MS);
  return Math.max(now + Math.round(backoff * (0.9 + 0.2 * random())), notBefore);
}

/**
 * The median gap between consecutive distinct times of the most recent items (at most 20),
 * or null with fewer than three items: two points say little about a rhythm.
 */
export function publishingInterval(itemTimes: readonly number[]): number | null {
  const times = [...new Set(itemTimes)].sort((a, b) => b - a).slice(0, 20);
  if (times.length < 3) return null;
  const gaps = times.slice(1).map((t, i) => times[i]! - t).sort((a, b) => a - b);
  return gaps[Math.floor(gaps.length / 2)]!;
}

/** Moves a time past the hours (UTC) and days the publisher asks readers to skip; ignores a rule that skips everything. */
function avoidSkipped(time: number, skipHours: readonly number[], skipDays: readonly string[]): number {
  const hours = new Set(skipHours.filter((h) => Number.isInteger(h) && h >= 0 && h <= 23));
  const days = new Set(skipDays.map((d) => d.trim().toLowerCase()).filter((d) => DAYS.includes(d)));
  if (hours.size === 24 || days.size === 7 || (hours.size === 0 && days.size === 0)) return time;
  let candidate = time;
  for (let step = 0; step < 24 * 7; step++) {
    const date = new Date(candidate);
    if (!hours.has(date.getUTCHours()) && !days.has(DAYS[date.getUTCDay()]!)) return candidate;
    candidate = Math.floor(candidate / HOUR) * HOUR + HOUR;
  }
  return time;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}
