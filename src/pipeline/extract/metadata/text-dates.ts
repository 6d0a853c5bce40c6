import { normaliseForDates, parseCommonDate, type DateReading, type PageDate } from './parse-date.js';

/** Dates written in a page's visible text, sorted by what the words just before them say. */
export interface TextDates {
  /** The first date announced as the publication ("Published on", "Veröffentlicht am", "Publié le"…). */
  announced: PageDate | null;
  /** The first date with no telling words before it. */
  first: PageDate | null;
  /** The first date announced as a change ("Updated", "Zuletzt geändert"…): a last resort. */
  changed: PageDate | null;
}

const DATE_IN_TEXT =
  /\b\d{1,2}\.\s?\d{1,2}\.\s?(?:19|20)\d{2}\b|\b(?:19|20)\d{2}-\d{2}-\d{2}\b|\b\d{1,2}\/\d{1,2}\/(?:19|20)\d{2}\b|\b\d{1,2}(?:\.|er|st|nd|rd|th)?\s+(?:de\s+)?\p{L}{3,10}\.?,?\s+(?:de\s+)?(?:19|20)\d{2}\b|\b\p{L}{3,10}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+(?:19|20)\d{2}\b|\b(?:19|20)\d{2}\s*[年년]\s*\d{1,2}\s*[月월]\s*\d{1,2}\s*[日일]|\b\d{1,2}\s+(?:كانون|تشرين)\s+ال(?:اول|ثاني)\s*,?\s*(?:19|20)\d{2}\b/gu;

/** Words that announce the publication, in the languages of the news we read. */
const PUBLISHED =
  /(?<!\p{L})(published|posted|written|created|released|issued|dated|date|veröffentlicht|erschienen|erstellt|geschrieben|publiziert|eingestellt|gespeichert|datum|stand|publié|publiée|mis en ligne|posté|publicado|publicada|fecha|pubblicato|pubblicata|data|gepubliceerd|geplaatst|opublikowano|publicerad|(?:artikel|beitrag) (?:wurde am|vom)|\bvon\s+[\p{L}.\s-]{2,40}\s+am|\bby\s+[\p{L}.\s-]{2,40}\s+on|\bpar\s+[\p{L}.\s-]{2,40}\s+le|نشر|النشر|نشرت|بتاريخ|تاريخ)(?!\p{L})[^\d]{0,25}$/iu;
/** Words that announce a later change: that date is the page's last touch, not its birth. */
const CHANGED =
  /(?<!\p{L})(updated?|modified|last edited|edited|revised|aktualisiert|geändert|letzte änderung|editiert|mis à jour|modifié|actualizado|actualización|aggiornato|aggiornamento|bijgewerkt|gewijzigd|تحديث|التحديث|محدث|تعديل|التعديل)(?!\p{L})[^\d]{0,30}$/iu;
/** Words after which a date is not the article's at all. */
const UNRELATED =
  /(?<!\p{L})(aktuelle zeit|current time|heute ist|today is|registriert|registered|joined|mitglied seit|member since|seit|since|abgerufen|retrieved|accessed|zugriff|copyright|©|\(c\)|geboren|born|bis|until|to|bis zum)\s*[^\d\p{L}]{0,6}$/iu;

const MAX_MATCHES = 80;
// Every date above names a year followed by a word boundary, at most this far from the date's
// start (room for the whitespace of markup) and at most 12 characters before its end ("2019-05-12",
// "2019 年 12 月 31 日").
const YEAR = /(?:19|20)\d{2}\b/g;
const YEAR_REACH = 60;
const AFTER_YEAR = 12;

/** A date written in a text, with the words just before it. */
export interface WrittenDate {
  date: PageDate | null;
  before: string;
}

/** The dates written in a text (read once per page, then sorted by the two readers below), at most a few dozen. */
export function readWrittenDates(text: string, reading: DateReading): WrittenDate[] {
  const written: WrittenDate[] = [];
  // Read with ASCII digits throughout, so that "the words before" stop at an Arabic-Indic date too.
  const normalised = normaliseForDates(text);
  for (const [index, match] of datesAroundYears(normalised)) {
    if (written.length === MAX_MATCHES) break;
    written.push({ date: parseCommonDate(match, reading), before: normalised.slice(Math.max(0, index - 60), index) });
  }
  return written;
}

/**
 * The matches of DATE_IN_TEXT in order, as a scan of the whole text finds them, but looked for
 * only in a short window around each year: the pattern is costly to try at every position of
 * tens of thousands of characters. One character before and after each window keeps its word
 * boundaries as they are in the text.
 */
function* datesAroundYears(text: string): Generator<[number, string]> {
  let end = 0;
  const years = YEAR;
  years.lastIndex = 0;
  for (let year = years.exec(text); year; year = years.exec(text)) {
    if (year.index < end) continue;
    const from = Math.max(end, year.index - YEAR_REACH);
    const context = from > 0 ? 1 : 0;
    const window = text.slice(from - context, year.index + year[0].length + AFTER_YEAR + 1);
    DATE_IN_TEXT.lastIndex = context;
    const match = DATE_IN_TEXT.exec(window);
    if (!match) continue;
    const index = from - context + match.index;
    yield [index, match[0]];
    end = index + match[0].length;
    if (years.lastIndex < end) years.lastIndex = end;
  }
}

/** The dates of a text sorted by what the words before them announce. */
export function findTextDates(written: readonly WrittenDate[], ok: (d: PageDate | null) => PageDate | null): TextDates {
  const found: TextDates = { announced: null, first: null, changed: null };
  for (const { date: read, before } of written) {
    if (UNRELATED.test(before) || /\d[.\s]*[-–]\s*$/.test(before)) continue;
    const date = ok(read);
    if (!date) continue;
    if (CHANGED.test(before)) {
      found.changed ??= date;
    } else if (PUBLISHED.test(before)) {
      found.announced = date;
      break;
    } else {
      found.first ??= date;
    }
  }
  return found;
}

/** Every day written in the text (up to a few dozen dates), however it is written. */
export function daysInText(written: readonly WrittenDate[]): Set<string> {
  const days = new Set<string>();
  for (const { date } of written) if (date) days.add(date.day);
  return days;
}
