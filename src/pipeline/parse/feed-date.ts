import { MONTHS, ZONE_OFFSETS } from './date-names.js';

/**
 * Dates as feeds write them, to ISO 8601 in UTC: W3C-DTF/ISO 8601 (Atom, Dublin Core, JSON
 * Feed) and RFC 822 (RSS) with the variants seen in the wild — two-digit years, missing
 * or misspelt weekdays, full month names, named and numeric zones, no zone at all (read
 * as UTC), a few non-English month abbreviations.
 */
export function parseFeedDate(text: string | null | undefined): string | null {
  if (!text) return null;
  const value = text.trim();
  if (value === '' || value.length > 200) return null;
  // Each reader answers undefined when the text is not in its format, null when it is but
  // names an impossible date (31 February): that is not handed on to a laxer reader.
  let ms = parseIso(value);
  if (ms === undefined) ms = parseRfc822(value);
  if (ms === undefined) ms = parseFallback(value);
  if (ms === null || !Number.isFinite(ms)) return null;
  const date = new Date(ms);
  const year = date.getUTCFullYear();
  if (year < 1 || year > 9999) return null;
  return date.toISOString();
}

const ISO =
  /^(\d{4})(?:-?(\d{2})(?:-?(\d{2})(?:[T\s]+(\d{1,2})(?::?(\d{2})(?::?(\d{2})(?:[.,](\d+))?)?)?)?)?)?\s*(Z|UTC|GMT|[+-]\d{1,2}(?::?\d{2})?)?$/i;

function parseIso(value: string): number | null | undefined {
  const m = ISO.exec(value);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  if (h === undefined && zone !== undefined && zone.length > 3 && value.length === 4 + zone.length)
    return null;
  const ms = frac ? Math.round(Number(`0.${frac}`) * 1000) : 0;
  return utc(
    Number(y),
    Number(mo ?? 1),
    Number(d ?? 1),
    Number(h ?? 0),
    Number(mi ?? 0),
    Number(s ?? 0),
    ms,
    zoneOffset(zone),
  );
}

const RFC822 =
  /^(?:[^\d,\s]+(?:,\s*|\s+))?(\d{1,2})[\s-]+([^\d\s.,-]+)\.?[\s-]+(\d{2,4}),?(?:[\sT]+(\d{1,2}):?(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(am|pm)?)?\s*(.*)$/i;
const MONTH_FIRST =
  /^(?:[^\d,\s]+(?:,\s*|\s+))?([^\d\s.,-]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4}),?(?:[\sT]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(am|pm)?)?\s*(.*)$/i;
const YEAR_LAST =
  /^(?:[^\d,\s]+(?:,\s*|\s+))?([^\d\s.,-]+)\s+(\d{1,2})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s+(.*?)\s*(\d{4})$/i;

function parseRfc822(value: string): number | null | undefined {
  let m = RFC822.exec(value);
  if (m) return build(m[3], m[2], m[1], m[4], m[5], m[6], m[7], m[8]);
  m = MONTH_FIRST.exec(value);
  if (m) return build(m[3], m[1], m[2], m[4], m[5], m[6], m[7], m[8]);
  m = YEAR_LAST.exec(value);
  if (m) return build(m[7], m[1], m[2], m[3], m[4], m[5], undefined, m[6]);
  return undefined;
}

function build(
  yearText: string | undefined,
  monthText: string | undefined,
  dayText: string | undefined,
  hourText: string | undefined,
  minuteText: string | undefined,
  secondText: string | undefined,
  meridiem: string | undefined,
  zoneText: string | undefined,
): number | null {
  const month =
    MONTHS[(monthText ?? '').toLowerCase().slice(0, 4)] ??
    MONTHS[(monthText ?? '').toLowerCase().slice(0, 3)];
  if (!month) return null;
  let year = Number(yearText);
  if (yearText && yearText.length <= 2) year += year < 50 ? 2000 : 1900;
  let hour = Number(hourText ?? 0);
  if (meridiem) hour = (hour % 12) + (meridiem.toLowerCase() === 'pm' ? 12 : 0);
  const zone = zoneText ? zoneOffset(zoneText.replace(/[()]/g, ' ').trim().split(/\s+/)[0]) : 0;
  return utc(year, month, Number(dayText), hour, Number(minuteText ?? 0), Number(secondText ?? 0), 0, zone);
}

/** Offset east of UTC, in minutes; unknown zones count as UTC rather than losing the date. */
function zoneOffset(zone: string | undefined): number {
  if (!zone) return 0;
  const numeric = /^(?:gmt|utc)?([+-])(\d{1,2})(?::?(\d{2}))?$/i.exec(zone);
  if (numeric) {
    const [, sign, hours, minutes] = numeric;
    return (sign === '-' ? -1 : 1) * (Number(hours) * 60 + Number(minutes ?? 0));
  }
  return ZONE_OFFSETS[zone.toLowerCase()] ?? 0;
}

function utc(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  ms: number,
  offset: number,
): number | null {
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 24 || minute > 59 || second > 61) return null;
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, Math.min(second, 59), ms);
  if (date.getUTCDate() !== day && hour !== 24) return null;
  return date.getTime() - offset * 60_000;
}

function parseFallback(value: string): number | null {
  // Last resort for formats such as JavaScript's Date#toString or "2024/05/01 10:00". A
  // string without a zone is read as UTC so the result never depends on the machine.
  const hasZone = /(?:\b(?:gmt|utc|z)\b|[+-]\d{2}:?\d{2}\b)/i.test(value);
  const ms = Date.parse(hasZone ? value : `${value} UTC`);
  return Number.isNaN(ms) ? null : ms;
}
