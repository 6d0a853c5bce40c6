import { analyse } from 'chardet';
import { LATIN_DEFAULTS, normaliseLabel } from './encoding-labels.js';

const NON_LATIN_SINGLE_BYTE = new Set([
  'windows-1251',
  'windows-1256',
  'koi8-r',
  'iso-8859-5',
  'iso-8859-6',
  'iso-8859-7',
  'windows-1253',
  'iso-8859-8',
  'windows-1255',
]);

/** How much of a document chardet reads: enough to tell scripts apart, bounded in time. */
const DETECTION_SAMPLE = 8 * 1024;
const SCAN_LIMIT = 64 * 1024;

/**
 * Whether 8-bit text is in a non-Latin script. In Latin-script languages, bytes 0xC0–0xFF are
 * accented letters inside mostly-ASCII words ("énergie"); in Cyrillic, Arabic or Greek
 * single-byte encodings, words made of such bytes have no ASCII letters at all.
 */
function looksNonLatin(body: Uint8Array): boolean {
  let high = 0;
  let letters = 0;
  let wordHigh = 0;
  let wordLetters = 0;
  const end = Math.min(body.length, SCAN_LIMIT);
  for (let i = 0; i <= end; i++) {
    const byte = i < end ? (body[i] as number) : 0x20;
    const lower = byte | 0x20;
    if (byte >= 0xc0) {
      wordHigh++;
      wordLetters++;
    } else if (lower >= 97 && lower <= 122) {
      wordLetters++;
    } else if (wordLetters > 0) {
      if (wordHigh > 0) {
        high += wordHigh;
        letters += wordLetters;
      }
      wordHigh = 0;
      wordLetters = 0;
    }
  }
  return high >= 8 && high > letters * 0.6;
}

export function confidentNonLatin(body: Uint8Array): string | null {
  if (!looksNonLatin(body)) return null;
  const best = bestNonLatinMatch(body);
  return best && NON_LATIN_SINGLE_BYTE.has(best) ? best : null;
}

export function guessEncoding(body: Uint8Array): string {
  // Latin-script text is read as windows-1252 (a superset of Latin-1); chardet is asked only
  // about other scripts, where it tells windows-1251 from KOI8-R, or Big5 from EUC-KR.
  if (!looksNonLatin(body)) return 'windows-1252';
  return bestNonLatinMatch(body) ?? 'windows-1252';
}

/** chardet's most likely encoding that is neither Latin nor Unicode (the text was judged non-Latin already). */
function bestNonLatinMatch(body: Uint8Array): string | null {
  for (const match of analyse(body.subarray(0, DETECTION_SAMPLE))) {
    const name = match.name.toLowerCase();
    if (
      name.startsWith('utf') ||
      LATIN_DEFAULTS.has(name) ||
      /^iso-8859-(1|2|9|15)$/.test(name) ||
      name === 'ascii'
    )
      continue;
    if (normaliseLabel(name) !== null) return name;
  }
  return null;
}
