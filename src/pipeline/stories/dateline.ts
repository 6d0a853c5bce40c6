/**
 * The dateline that heads a wire story: where and when it was filed, and by whom, before the
 * first sentence. "الرياض 25 شوال 1436 هـ الموافق 10 أغسطس 2015 م واس", "WASHINGTON, Dec 5 (Reuters) -",
 * "القاهرة - أ ف ب -". It says nothing about the event: every story an agency files that day
 * carries the same date, so read as words and figures it made a day's wire stories look alike
 * (on SaudiNewsNet, a hundred unrelated Saudi Press Agency stories shared one story).
 */

/** Longest dateline read: a place of a few words, a date in two calendars and an agency. */
const MAX_DATELINE_CHARS = 120;

/** Names agencies sign datelines with, in brackets or after a dash (lower case; Arabic as written). */
const AGENCY_NAMES = [
  'reuters',
  'ap',
  'afp',
  'associated press',
  'bloomberg',
  'spa',
  'wam',
  'mena',
  'upi',
  'dpa',
  'xinhua',
  'واس',
  'وام',
  'رويترز',
  'أ ف ب',
  'ا ف ب',
  'فرانس برس',
  'د ب أ',
  'أ ش أ',
  'ا ش ا',
  'كونا',
  'بنا',
  'قنا',
  'سبأ',
  'الأناضول',
];
const NAMES = AGENCY_NAMES.map((name) => name.replace(/ /g, '\\s+')).join('|');

const ANY = String.raw`[^\n.!?؟]`;
/**
 * Datelines, each anchored at the start of the text and kept within the first line: an agency
 * in brackets ("WASHINGTON, Dec 5 (Reuters) -", "(واس)"); an agency after a dash ("القاهرة - أ ف ب -",
 * "الرياض - واس"); an agency closing a dated line ("… 2015 م واس"). Nothing in a dateline ends a
 * sentence. A date alone before a dash is not read ("2015 - 2016" opens sentences too).
 */
const DATELINES = [
  String.raw`${ANY}{0,${MAX_DATELINE_CHARS}}?\(\s*(?:${NAMES})\s*\)\s*[-–—:]*`,
  String.raw`${ANY}{0,60}?[-–—]\s*(?:${NAMES})\s*(?:[-–—:]+|(?=\n))`,
  String.raw`${ANY}{0,${MAX_DATELINE_CHARS - 20}}?\d${ANY}{0,60}?\s(?:${NAMES})(?=\s|$)\s*[-–—:]*`,
].map((pattern) => new RegExp(String.raw`^\s*(?:${pattern})\s*`, 'iu'));

/**
 * How many characters of `text` its dateline takes (0 when it has none). The dateline must be
 * followed by more text: a one-line text is all story.
 */
export function datelineLength(text: string): number {
  const head = text.slice(0, MAX_DATELINE_CHARS + 20);
  for (const pattern of DATELINES) {
    const match = pattern.exec(head);
    if (!match) continue;
    const end = match[0].length;
    return text.slice(end).trim().length > 0 ? end : 0;
  }
  return 0;
}
