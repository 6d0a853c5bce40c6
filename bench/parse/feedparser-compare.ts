import { personName } from '../../src/pipeline/parse/people.js';
import { plainText } from '../../src/pipeline/parse/plain-text.js';

type Comparison = 'exact' | 'text' | 'html' | 'date' | 'member' | 'person' | 'length' | 'encoding' | 'format';

/**
 * Compares a value from Newsdesk's model (or a peer seen through it) with feedparser's
 * expected value, translating feedparser's representation: titles are compared as plain
 * text, HTML with whitespace and void-tag spelling normalised, dates as
 * (year, month, day, hour, minute, second) in UTC, people by name.
 */
export function compare(actual: unknown, expected: unknown, how: Comparison): boolean {
  switch (how) {
    case 'exact':
      return (actual ?? '') === (expected ?? '');
    case 'text':
      // Titles are plain text in the model; feedparser's may be HTML, so it is read as a reader would.
      // feedparser does not say whether its title was text or HTML: either reading is accepted.
      return [plainText(asString(expected)) ?? '', collapse(asString(expected))].includes(
        collapse(asString(actual)),
      );
    case 'html':
      return html(asString(actual)) === html(asString(expected));
    case 'date':
      return sameDate(actual, expected);
    case 'member':
      return Array.isArray(actual) && actual.includes(expected);
    case 'person': {
      const wanted = personName(asString(expected));
      return Array.isArray(actual) && actual.some((a) => personName(asString(a)) === wanted);
    }
    case 'length':
      return Array.isArray(actual) && actual.length === expected;
    case 'encoding':
      return encodingName(actual) === encodingName(expected);
    case 'format':
      return feedparserVersion(asString(actual)) === expected;
  }
}

function asString(value: unknown): string | null {
  return typeof value === 'string' ? value : value == null ? null : String(value);
}

function collapse(value: string | null): string {
  return (value ?? '').replace(/\s+/g, ' ').trim();
}

function html(value: string | null): string {
  return (value ?? '')
    .replace(/\s*\/>/g, '>')
    .replace(/\s+/g, ' ')
    .trim();
}

function sameDate(actual: unknown, expected: unknown): boolean {
  if (typeof actual !== 'string' || !Array.isArray(expected)) return false;
  const date = new Date(actual);
  const parts = [
    date.getUTCFullYear(),
    date.getUTCMonth() + 1,
    date.getUTCDate(),
    date.getUTCHours(),
    date.getUTCMinutes(),
    date.getUTCSeconds(),
  ];
  return parts.every((part, i) => part === expected[i]);
}

const ENCODING_ALIASES: Record<string, string> = {
  gb2312: 'gb18030',
  gbk: 'gb18030',
  latin1: 'iso88591',
  cp1252: 'windows1252',
  utf16: 'utf16le',
};

function encodingName(value: unknown): string {
  const name = String(value ?? '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
  return ENCODING_ALIASES[name] ?? name;
}

/** Newsdesk's `format` in feedparser's `version` spelling (`rss2.0` → `rss20`, `rss0.91` → `rss091u`). */
function feedparserVersion(format: string | null): string | null {
  if (format === null) return null;
  if (format === 'rss0.91') return 'rss091u';
  if (format === 'rss0.91n') return 'rss091n';
  if (format === 'json1.0') return 'json1';
  if (format === 'json1.1') return 'json11';
  return format.replace(/\./g, '');
}
