import * as chrono from 'chrono-node';
import { normaliseArabic } from '../../text/arabic.js';

/**
 * Days a text refers to, as YYYY-MM-DD, in order of first mention. Only dates that name a day are
 * kept ("on Tuesday", "27 November", "yesterday"); spans ("next week", "last year", "5 minutes ago")
 * and implausible years are dropped. Relative dates need the publication time; without it only
 * dates that state their year are kept.
 */

const EARLIEST_YEAR = 1900;
const LATEST_YEAR_UNPUBLISHED = 2100;
const SPAN_WORDS = /\b(?:weeks?|months?|years?|decades?|centur(?:y|ies)|hours?|minutes?|seconds?|weekend)\b/i;

export function englishDates(text: string, published: Date | undefined): string[] {
  const results = chrono.parse(text, published ?? new Date(0), { forwardDate: false });
  const days: string[] = [];
  for (const r of results) {
    const start = r.start;
    const namesDay = start.isCertain('day') || start.isCertain('weekday');
    if (!namesDay || SPAN_WORDS.test(r.text)) continue;
    if (!published && !start.isCertain('year')) continue;
    const day = isoDay(start.get('year'), start.get('month'), start.get('day'));
    if (day && plausible(day, published)) days.push(day);
  }
  return unique(days);
}

// Gregorian month names as written in Arabic, normalised (أ→ا, ة→ه, ى→ي): the Egyptian/Gulf forms
// and the Levantine/Iraqi (Syriac) forms. Longest first so that كانون الثاني wins over a shorter match.
const ARABIC_MONTHS: Array<[string, number]> = [
  ['يناير', 1],
  ['كانون الثاني', 1],
  ['فبراير', 2],
  ['شباط', 2],
  ['مارس', 3],
  ['اذار', 3],
  ['ابريل', 4],
  ['نيسان', 4],
  ['مايو', 5],
  ['ايار', 5],
  ['يونيو', 6],
  ['يونيه', 6],
  ['حزيران', 6],
  ['يوليو', 7],
  ['يوليه', 7],
  ['تموز', 7],
  ['اغسطس', 8],
  ['اب', 8],
  ['سبتمبر', 9],
  ['ايلول', 9],
  ['اكتوبر', 10],
  ['تشرين الاول', 10],
  ['نوفمبر', 11],
  ['تشرين الثاني', 11],
  ['ديسمبر', 12],
  ['كانون الاول', 12],
];
const MONTH_NUMBER = new Map(ARABIC_MONTHS);
const MONTH_PATTERN = [...MONTH_NUMBER.keys()].sort((a, b) => b.length - a.length).join('|');
// "27 نوفمبر", "٢٧ من شهر نوفمبر الجاري", "27 تشرين الثاني/نوفمبر 2026", "في 3 آب (أغسطس) 2025م".
const ARABIC_DATE = new RegExp(
  `(?<![\\d\\u0621-\\u064A])(\\d{1,2})\\s+(?:من\\s+)?(?:شهر\\s+)?(${MONTH_PATTERN})(?![\\u0621-\\u064A])` +
    `(?:\\s*[/(]\\s*(?:${MONTH_PATTERN})\\s*\\)?)?(?:\\s+(?:الجاري|الماضي|المقبل|القادم))?` +
    `(?:\\s+(?:من\\s+)?(?:عام|العام|سنه)?\\s*(\\d{4}))?`,
  'g',
);
const ARABIC_DIGITS = /[\u0660-\u0669\u06F0-\u06F9]/g;

/** Dates written with Gregorian month names in Arabic text (digits Western or Arabic-Indic). */
export function arabicDates(text: string, published: Date | undefined): string[] {
  const normalised = normaliseArabic(text).replace(ARABIC_DIGITS, (d) =>
    String((d.charCodeAt(0) - 0x0660) % 0x90),
  );
  const days: string[] = [];
  for (const m of normalised.matchAll(ARABIC_DATE)) {
    const dayOfMonth = Number(m[1]);
    const month = MONTH_NUMBER.get(m[2]!)!;
    const year = m[3] ? Number(m[3]) : published ? nearestYear(published, month, dayOfMonth) : undefined;
    if (year === undefined) continue;
    const day = isoDay(year, month, dayOfMonth);
    if (day && plausible(day, published)) days.push(day);
  }
  return unique(days);
}

/** The year that puts day/month closest to the publication date (a December story naming "3 January"). */
function nearestYear(published: Date, month: number, day: number): number {
  const year = published.getUTCFullYear();
  const candidates = [year - 1, year, year + 1];
  const distance = (y: number) => Math.abs(Date.UTC(y, month - 1, day) - published.getTime());
  return candidates.reduce((best, y) => (distance(y) < distance(best) ? y : best));
}

function isoDay(year: number | null, month: number | null, day: number | null): string | undefined {
  if (!year || !month || !day) return undefined;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return undefined;
  return date.toISOString().slice(0, 10);
}

/** From 1900 to two years after publication (announced dates), never absurd ones. */
function plausible(day: string, published: Date | undefined): boolean {
  const year = Number(day.slice(0, 4));
  const latest = published ? published.getUTCFullYear() + 2 : LATEST_YEAR_UNPUBLISHED;
  return year >= EARLIEST_YEAR && year <= latest;
}

function unique(items: string[]): string[] {
  return [...new Set(items)];
}
