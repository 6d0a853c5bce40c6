import * as chrono from 'chrono-node';

/** A date as the page states it: `iso` keeps the stated offset; `day` is the publisher's own day. */
export interface PageDate {
  iso: string;
  day: string;
}

const ISO = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:[.,]\d+)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?/i;
const COMPACT = /^\s*(\d{4})(\d{2})(\d{2})(?:T?(\d{2})(\d{2})(\d{2})?)?\s*$/;
const SLASHED = /\b(\d{4})[/.](\d{1,2})[/.](\d{1,2})\b/;
const DOTTED = /\b(\d{1,2})\.\s?(\d{1,2})\.\s?((?:19|20)\d{2})\b(?:\D{1,6}(\d{1,2})[:.](\d{2})\b)?/;
const MONTHS: Record<string, number> = {};
[
  'january|jan|januar|jänner|janvier|janv|enero|ene|gennaio|gen|janeiro|januari|styczeń|stycznia',
  'february|feb|februar|feber|février|févr|fevrier|febrero|febbraio|fevereiro|fev|februari|luty|lutego',
  'march|mar|märz|maerz|mars|marzo|março|marco|maart|marzec|marca',
  'april|apr|avril|avr|abril|abr|aprile|kwiecień|kwietnia',
  'may|mai|mayo|maggio|mag|maio|mei|maj|maja',
  'june|jun|juni|juin|junio|giugno|giu|junho|czerwiec|czerwca',
  'july|jul|juli|juillet|juil|julio|luglio|lug|julho|lipiec|lipca',
  'august|aug|août|aout|agosto|ago|augustus|sierpień|sierpnia',
  'september|sep|sept|septembre|septiembre|settembre|set|setembro|wrzesień|września',
  'october|oct|oktober|okt|octobre|octubre|ottobre|ott|outubro|out|październik|października',
  'november|nov|novembre|noviembre|novembro|listopad|listopada',
  'december|dec|dez|dezember|décembre|decembre|diciembre|dic|dicembre|dezembro|grudzień|grudnia',
].forEach((names, i) => names.split('|').forEach((name) => (MONTHS[name] = i + 1)));
// Arabic month names as written in Egypt and the Gulf, in the Levant and Iraq, and in the Maghreb,
// with alef forms already folded to bare alef (see normaliseForDates).
[
  'يناير|كانون الثاني|جانفي',
  'فبراير|شباط|فيفري',
  'مارس|اذار',
  'ابريل|نيسان|افريل',
  'مايو|ايار|ماي',
  'يونيو|يونيه|حزيران|جوان',
  'يوليو|يوليه|تموز|جويلية',
  'اغسطس|اب|اوت',
  'سبتمبر|ايلول',
  'اكتوبر|تشرين الاول',
  'نوفمبر|تشرين الثاني',
  'ديسمبر|كانون الاول',
].forEach((names, i) => names.split('|').forEach((name) => (MONTHS[name] = i + 1)));
const MONTH_NAME = Object.keys(MONTHS).sort((a, b) => b.length - a.length).join('|');
const DAY_MONTH_YEAR = new RegExp(`(?:^|[^\\p{L}\\d])(\\d{1,2})(?:\\.|st|nd|rd|th|er)?\\s*(?:de\\s+)?(${MONTH_NAME})\\.?,?\\s*(?:de\\s+)?((?:19|20)\\d{2})(?!\\d)`, 'iu');
const MONTH_DAY_YEAR = new RegExp(`(?:^|[^\\p{L}])(${MONTH_NAME})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+((?:19|20)\\d{2})(?!\\d)`, 'iu');
const RFC_2822 = /^\s*(?:[a-z]{3},?\s+)?(\d{1,2})\s+([a-z]{3})[a-z]*\s+(\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([+-]\d{4}|GMT|UTC|Z)?/i;
const PARSERS = [chrono.en, chrono.de, chrono.fr, chrono.es, chrono.pt, chrono.it, chrono.nl, chrono.ru, chrono.sv];

/** How to read numeric dates that could be either way round, from the page's language. */
export interface DateReading {
  /** "02/10/2020" is 10 February in the United States' usage, 2 October nearly everywhere else. */
  monthFirst: boolean;
}

const SLASHED_DAY_MONTH = /\b(\d{1,2})\/(\d{1,2})\/((?:19|20)\d{2})\b/;
// Chinese, Japanese and Korean: 2019年2月22日, 2019년 2월 22일.
const YEAR_MONTH_DAY_CJK = /((?:19|20)\d{2})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]/;

/** US English writes the month first; a page in plain "en" is most often American. */
export function readingForLanguage(lang: string | null | undefined): DateReading {
  return { monthFirst: !lang || /^en(-us)?$/i.test(lang.trim()) };
}

/** Reads a machine-written date (JSON-LD, meta content, `datetime`), keeping its offset. */
export function parseStructuredDate(value: string): PageDate | null {
  const iso = ISO.exec(value) ?? COMPACT.exec(value);
  if (iso) return build(iso[1], iso[2], iso[3], iso[4], iso[5], iso[6], iso[7]);
  const rfc = RFC_2822.exec(value);
  const month = rfc ? MONTHS[rfc[2]!.toLowerCase()] : undefined;
  if (rfc && month) return build(rfc[3], String(month), rfc[1], rfc[4], rfc[5], rfc[6], rfc[7]?.replace(/^(GMT|UTC)$/i, 'Z'));
  return parseTextDate(value);
}

/** Reads a date as people write it ("31. Mai 2012", "May 31, 2012 at 10:00", "31.05.2012"). */
export function parseTextDate(text: string, reading: DateReading = { monthFirst: true }): PageDate | null {
  const sample = text.slice(0, 300);
  return parseCommonDate(sample, reading) ?? parseWithChrono(sample);
}

/**
 * Arabic-Indic and Persian digits as ASCII digits, Arabic alef forms as bare alef and the Arabic
 * comma as a comma, so that one set of patterns reads Arabic dates. Each character stays one
 * character: positions in the text are kept.
 */
export function normaliseForDates(text: string): string {
  return text.replace(/[\u0660-\u0669\u06F0-\u06F9\u0622\u0623\u0625\u060C]/g, (c) => {
    const code = c.charCodeAt(0);
    if (code >= 0x0660 && code <= 0x0669) return String(code - 0x0660);
    if (code >= 0x06f0 && code <= 0x06f9) return String(code - 0x06f0);
    return c === '\u060C' ? ',' : '\u0627';
  });
}

/** The common written forms only, by pattern: cheap enough for every date in a page's text. */
export function parseCommonDate(text: string, reading: DateReading = { monthFirst: true }): PageDate | null {
  const sample = normaliseForDates(text.slice(0, 300));
  const iso = ISO.exec(sample.replace(/^\D+/, ''));
  if (iso) return build(iso[1], iso[2], iso[3], iso[4], iso[5], iso[6], iso[7]);
  const cjk = YEAR_MONTH_DAY_CJK.exec(sample);
  if (cjk) return build(cjk[1], cjk[2], cjk[3]);
  const dotted = DOTTED.exec(sample);
  if (dotted) return build(dotted[3], dotted[2], dotted[1], dotted[4], dotted[5]);
  const slashed = SLASHED.exec(sample);
  if (slashed) return build(slashed[1], slashed[2], slashed[3]);
  const numeric = SLASHED_DAY_MONTH.exec(sample);
  if (numeric) return readSlashed(numeric[1]!, numeric[2]!, numeric[3]!, reading);
  const dmy = DAY_MONTH_YEAR.exec(sample);
  if (dmy) return build(dmy[3], String(MONTHS[dmy[2]!.toLowerCase()]), dmy[1]);
  const mdy = MONTH_DAY_YEAR.exec(sample);
  if (mdy) return build(mdy[3], String(MONTHS[mdy[1]!.toLowerCase()]), mdy[2]);
  return null;
}

/** Rarer forms, through chrono-node's parsers for several languages: costly, so only for short texts naming a year. */
function parseWithChrono(sample: string): PageDate | null {
  // Only absolute dates count: they name a year and a day, and the costly parsers run only then.
  if (!/(^|\D)(19|20)\d{2}(\D|$)/.test(sample) || !/(^|\D)\d{1,2}(\D|$)/.test(sample) || sample.length > 160) return null;
  for (const locale of PARSERS) {
    const found = locale.parse(sample, new Date(Date.UTC(2000, 0, 1)))[0]?.start;
    if (!found || !found.isCertain('year') || !found.isCertain('month') || !found.isCertain('day')) continue;
    const hour = found.isCertain('hour') ? String(found.get('hour')) : undefined;
    const offset = found.isCertain('timezoneOffset') ? offsetText(found.get('timezoneOffset') ?? 0) : undefined;
    return build(String(found.get('year')), String(found.get('month')), String(found.get('day')), hour, hour ? String(found.get('minute') ?? 0) : undefined, undefined, offset);
  }
  return null;
}

function readSlashed(first: string, second: string, year: string, reading: DateReading): PageDate | null {
  // A number above 12 can only be the day, whatever the page's habit.
  const monthFirst = Number(first) > 12 ? false : Number(second) > 12 ? true : reading.monthFirst;
  return monthFirst ? build(year, first, second) : build(year, second, first);
}

/** True when the date is plausible for a news page: not before 1995, not in the future. */
export function isPlausibleDate(date: PageDate, now: Date): boolean {
  const year = Number(date.day.slice(0, 4));
  if (year < 1995) return false;
  return date.day <= new Date(now.getTime() + 36 * 3600 * 1000).toISOString().slice(0, 10);
}

function build(y?: string, mo?: string, d?: string, h?: string, mi?: string, s?: string, zone?: string): PageDate | null {
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  if (!year || month < 1 || month > 12 || day < 1 || day > 31) return null;
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCDate() !== day) return null;
  const dayText = `${y}-${pad(month)}-${pad(day)}`;
  if (h === undefined || Number(h) > 23 || Number(mi) > 59) return { iso: dayText, day: dayText };
  const time = `${pad(Number(h))}:${pad(Number(mi ?? 0))}:${pad(Number(s ?? 0))}`;
  return { iso: `${dayText}T${time}${zone ? normaliseZone(zone) : ''}`, day: dayText };
}

function normaliseZone(zone: string): string {
  if (/^z$/i.test(zone)) return 'Z';
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  return m ? `${m[1]}${m[2]}:${m[3] ?? '00'}` : '';
}

function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
