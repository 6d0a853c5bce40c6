import type { ArticleEntities } from './entities/index.js';

/** How far into a text numbers are read: the figures that identify an event come early. */
const NUMBER_CHARS = 3_000;
const MAX_NUMBERS = 12;
// Western and Arabic-Indic digits, with thousands separators (",", "٬") and a decimal mark.
const NUMBER = /(?<![\p{L}\p{N}.,٫٬])[\d٠-٩]{1,3}(?:[,٬][\d٠-٩]{3})+(?:[.٫][\d٠-٩]+)?(?![\p{L}\p{N}])|(?<![\p{L}\p{N}.,٫٬])[\d٠-٩]+(?:[.٫][\d٠-٩]+)?(?![\p{L}\p{N}])/gu;

/**
 * Keys an article shares with coverage of the same event in another language: cities and
 * regions (not countries: too many events share one), people and organisations, the days it
 * names, and its numbers of two digits or more that are not years. Place keys of the gazetteer
 * and digits are the same in Arabic and English; names of people are only found in English,
 * so they link English stories with each other, never across scripts by themselves.
 */
export function linkingKeys(entities: ArticleEntities, text: string): string[] {
  const keys = new Set<string>();
  for (const place of entities.places) if (place.kind !== 'country') keys.add(`place:${place.key}`);
  for (const person of entities.people) keys.add(`person:${person.key}`);
  for (const organisation of entities.organisations) keys.add(`org:${organisation.key}`);
  for (const day of entities.dates) keys.add(`date:${day}`);
  let numbers = 0;
  for (const [raw] of text.slice(0, NUMBER_CHARS).matchAll(NUMBER)) {
    const value = Number(asciiDigits(raw).replace(/,/g, ''));
    if (!Number.isFinite(value) || value < 10 || (Number.isInteger(value) && value >= 1900 && value <= 2100)) continue;
    keys.add(`number:${value}`);
    if (++numbers >= MAX_NUMBERS) break;
  }
  return [...keys];
}

/**
 * Whether two stories in different languages report one event, from the keys they share: a
 * place or a person, and a day or a figure, adding up to at least four points (a place or a
 * name two, a day or a figure one). A shared country and a shared date alone are not enough.
 */
export function isSameEvent(shared: readonly string[]): boolean {
  let points = 0;
  let who = false;
  let when = false;
  for (const key of shared) {
    if (key.startsWith('place:') || key.startsWith('person:') || key.startsWith('org:')) {
      points += 2;
      who = true;
    } else if (key.startsWith('date:') || key.startsWith('number:')) {
      points += 1;
      when = true;
    }
  }
  return who && when && points >= 4;
}

function asciiDigits(text: string): string {
  return text
    .replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/٬/g, ',')
    .replace(/٫/g, '.');
}
