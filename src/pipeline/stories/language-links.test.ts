import { describe, expect, it } from 'vitest';
import { extractEntities } from './entities/index.js';
import { isSameEvent, linkingKeys } from './language-links.js';

const published = new Date('2026-11-24T12:00:00Z');
const arabic =
  'أعلنت السلطات في القاهرة يوم الثلاثاء 24 نوفمبر إجلاء أكثر من ٢٤٠ شخصا بعد انهيار مبنى من 12 طابقا في حي شبرا عام 2026.';
const english =
  'Authorities in Cairo evacuated more than 240 people on Tuesday, November 24, after a 12-storey building collapsed in the Shubra district.';

const keysOf = (text: string, lang: string) => linkingKeys(extractEntities(text, { lang, published }), text);

describe('linking stories across languages', () => {
  it('gives an Arabic and an English report of one event the same place, day and figures', () => {
    const ar = keysOf(arabic, 'ar');
    const en = keysOf(english, 'en');
    const shared = ar.filter((k) => en.includes(k));
    expect(shared).toEqual(expect.arrayContaining(['place:city:360630', 'date:2026-11-24', 'number:240', 'number:12']));
    // Years are not figures of the event, and countries are too broad to link on.
    expect(ar).not.toContain('number:2026');
    expect(ar.some((k) => k === 'place:EG')).toBe(false);
    expect(isSameEvent(shared)).toBe(true);
  });

  it('needs a place or a name and a day or a figure, four points in all', () => {
    expect(isSameEvent(['place:city:360630'])).toBe(false);
    expect(isSameEvent(['date:2026-11-24', 'number:240', 'number:12', 'number:30'])).toBe(false);
    expect(isSameEvent(['place:city:360630', 'date:2026-11-24'])).toBe(false);
    expect(isSameEvent(['place:city:360630', 'date:2026-11-24', 'number:240'])).toBe(true);
    expect(isSameEvent(['person:ana petrova', 'place:city:360630', 'number:240'])).toBe(true);
  });

  it('reads Arabic-Indic digits and thousands separators as the same figures', () => {
    expect(linkingKeys({ people: [], organisations: [], places: [], dates: [] }, 'نحو ٣٬٢٠٠ ساكن و3,200 resident و 45.5 و 7')).toEqual([
      'number:3200',
      'number:45.5',
    ]);
  });
});
