import { collapse } from './read-title.js';

const MONTH_NAMES = 'jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|januar|februar|märz|mai|juni|juli|oktober|dezember';
const TRAILING_DATE = new RegExp(
  `\\s*(\\||,|-|–|on|am|le|el)?\\s*((${MONTH_NAMES})[a-z]*\\.?\\s+\\d{1,2}(st|nd|rd|th)?,?\\s+\\d{4}|\\d{1,2}\\.?\\s*(${MONTH_NAMES})[a-zä]*\\.?,?\\s+\\d{4}|\\d{1,2}[./]\\d{1,2}[./]\\d{2,4}|\\d{4}[-年/]).*$`,
  'i',
);
/** Words that lead into a name: "Written by", "Posted by", "Von", "Par", "بقلم"... */
export const LEAD_IN = /^((written|posted|reported|words|text|story|photos?|interview)\s+by|by|von|par|por|di|door|av|de|بقلم|كتب|كتبت|كتبه|إعداد|اعداد|تحرير|المحرر)\s*[:：]?\s+/i;
/** Small words inside names ("Ursula von der Leyen", "Vincent van Gogh"). */
const PARTICLES = new Set(['de', 'da', 'di', 'del', 'der', 'den', 'des', 'du', 'la', 'le', 'van', 'von', 'al', 'el', 'bin', 'ibn', 'y', 'e', 'and', 'und', 'et']);
/** What follows a name in a byline line: the outlet, the time, a role. */
const SEGMENT_BREAK = /\s+[·|/•]\s+/;

/**
 * A person's name as people write it in Latin, Greek or Cyrillic script: two to six words,
 * each capitalised or a particle, no digits. Scripts without letter case are never "name-like",
 * so their bylines are kept as they stand.
 */
export function isNameLike(text: string): boolean {
  const words = text.trim().split(/\s+/);
  if (text.length > 60 || words.length < 2 || words.length > 6 || /\d|@/.test(text)) return false;
  return words.every((w) => /^\p{Lu}/u.test(w) || PARTICLES.has(w.toLowerCase()));
}

/** The name a text opens with ("Javier Urbina 22 de abril"), or null. */
function namePrefix(text: string): string | null {
  const words = text.trim().split(/\s+/);
  let n = 0;
  while (n < words.length && n < 6 && (/^\p{Lu}[^\d@]*$/u.test(words[n]!) || PARTICLES.has(words[n]!.toLowerCase()))) n++;
  const name = words.slice(0, n).join(' ');
  return n >= 2 && isNameLike(name) ? name : null;
}

/** The name in a byline: lead-in words, dates, outlets and roles after it taken off. */
export function cleanByline(text: string): string | null {
  let collapsed = collapse(text);
  // "January 17, 2017 at 6:08 PM ET by Kori Schulman": the name follows the last "by".
  const afterBy = /^.*\bby\s+(?=\S)/i.exec(collapsed);
  if (afterBy && /\d/.test(afterBy[0])) collapsed = collapsed.slice(afterBy[0].length);
  let cleaned = collapsed
    .replace(LEAD_IN, '')
    // "ByJane Doe", "vonFred Hüning": the word and the name were separate elements. Only before a
    // capital, matched case-sensitively (read case-insensitively, any letter is a capital and
    // "Devindra" lost its "De"); never "de" or "di", which open names ("Dennis", "Dieter").
    .replace(/^(?:[Bb]y|[Vv]on|[Pp]ar|[Pp]or|[Dd]oor)(?=\p{Lu})/u, '')
    .replace(TRAILING_DATE, '')
    .replace(/\s*[|,·–—-]\s*$/, '')
    .trim();
  // "Pete Evans · CBC News · Posted:", "Saibal Dasgupta / TNN": the name is the first segment;
  // "Laura Jordán / Javier Urbina": names that follow it after a slash are co-authors.
  const segments = cleaned.split(SEGMENT_BREAK);
  if (segments.length > 1 && isNameLike(segments[0]!)) {
    const names: string[] = [];
    for (const part of cleaned.split(/\s+[·|•]\s+/)[0]!.split(/\s+\/\s+/)) {
      const name = namePrefix(part);
      if (!name) break;
      names.push(name);
      if (name !== part) break;
    }
    if (names.length) cleaned = names.join(', ');
  }
  return cleaned === '' ? null : cleaned;
}
