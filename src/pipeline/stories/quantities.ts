import { isStopWord } from '../text/stop-words.js';

/** A number in the text with what it counts: "more than 240 people", "4,400 square kilometres". */
export interface Quantity {
  value: number;
  /** "more than", "about", "at least", … when the text qualifies the number. */
  qualifier?: string;
  /** What is counted: the words after the number, up to a function word or punctuation. */
  counts: string;
  /** The words as they stand in the text. */
  phrase: string;
}

const QUALIFIERS = [
  'more than',
  'less than',
  'fewer than',
  'at least',
  'at most',
  'up to',
  'about',
  'around',
  'nearly',
  'almost',
  'over',
  'some',
  'approximately',
  'roughly',
];
const SCALES: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };
const QUANTITY = new RegExp(
  String.raw`(?:\b(${QUALIFIERS.join('|')})\s+)?(?<![\d.,])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?:\s+(thousand|million|billion|trillion))?\s+([A-Za-z][A-Za-z-]*(?:\s+[A-Za-z][A-Za-z-]*){0,2})`,
  'gi',
);
const MAX_TEXT = 100_000;
/** Words that qualify a unit and so take the next word with them: "square kilometres", "metric tons". */
const UNIT_MODIFIERS = new Set(['square', 'cubic', 'metric', 'nautical', 'sq', 'cu', 'light']);

/**
 * Quantities stated in English text with what they count: the word after the number, or two
 * when the first qualifies a unit ("4,400 square kilometres"). Years standing alone ("in
 * 1994", "the 2020 war") are not quantities.
 */
export function findQuantities(text: string): Quantity[] {
  const out: Quantity[] = [];
  for (const match of text.slice(0, MAX_TEXT).matchAll(QUANTITY)) {
    const [phrase, qualifier, whole, fraction, scale, after] = match;
    const counted: string[] = [];
    for (const word of after!.split(/\s+/)) {
      const lower = word.toLowerCase();
      if (isStopWord(lower)) break;
      counted.push(lower);
      if (!UNIT_MODIFIERS.has(lower)) break; // "square" needs its noun; anything else is the noun
    }
    const digits = whole!.replace(/,/g, '');
    const looksLikeYear =
      !whole!.includes(',') && !fraction && !scale && digits.length === 4 && /^(1[89]|20)/.test(digits);
    if (counted.length === 0 || looksLikeYear) continue;
    const value =
      Number(`${digits}${fraction ? '.' + fraction : ''}`) * (scale ? SCALES[scale.toLowerCase()]! : 1);
    const cut = phrase.indexOf(after!) + counted.join(' ').length;
    out.push({
      value,
      ...(qualifier ? { qualifier: qualifier.toLowerCase() } : {}),
      counts: counted.join(' '),
      phrase: phrase.slice(0, cut).trim(),
    });
  }
  return out;
}
