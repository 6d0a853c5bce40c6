import { describe, expect, it } from 'vitest';
import { entityKeys, extractEntities } from './index.js';

const published = new Date('2026-11-26T09:00:00Z'); // a Thursday

const englishStory = `CAIRO (Reuters) - President Barack Obama's envoy met Egypt's foreign minister Sameh Shoukry in Cairo on Tuesday,
as Amnesty International urged the U.N. Security Council to act on the Gaza Strip. Obama told reporters in Washington
that the United States would send aid through the Rafah crossing. Shoukry said the World Health Organization and the
Saudi Ministry of Health had agreed to open field hospitals by 27 November.`;

describe('extractEntities, English', () => {
  const e = extractEntities(englishStory, { lang: 'en', published });
  const keys = (list: Array<{ key: string }>) => list.map((m) => m.key);

  it('finds people, merging "Barack Obama" and "Obama" and dropping titles and possessives', () => {
    expect(e.people.find((p) => p.key === 'barack obama')).toMatchObject({ name: 'Barack Obama', count: 2 });
    expect(keys(e.people)).toContain('sameh shoukry');
    expect(keys(e.people)).not.toContain('obama');
    expect(e.people.map((p) => p.name).join(' ')).not.toMatch(/President|'s/);
  });

  it('finds organisations with a normalised key', () => {
    expect(keys(e.organisations)).toEqual(
      expect.arrayContaining([
        'amnesty international',
        'un security council',
        'world health organization',
        'saudi ministry of health',
      ]),
    );
  });

  it('finds places with language-independent keys and their country', () => {
    expect(e.places.find((p) => p.key === 'city:360630')).toMatchObject({
      name: 'Cairo',
      kind: 'city',
      country: 'EG',
      count: 2,
    });
    expect(keys(e.places)).toEqual(
      expect.arrayContaining(['EG', 'US', 'region:ps-gaza-strip', 'city:4140963']),
    );
  });

  it('resolves dates against the publication time', () => {
    expect(e.dates).toEqual(['2026-11-24', '2026-11-27']);
  });

  it('gives typed keys for the clusterer, with the country of each city', () => {
    const k = entityKeys(e);
    expect(k).toEqual(
      expect.arrayContaining([
        'person:barack obama',
        'org:amnesty international',
        'place:city:360630',
        'place:EG',
        'date:2026-11-27',
      ]),
    );
    expect(new Set(k).size).toBe(k.length);
  });
});

describe('extractEntities, Arabic', () => {
  const arabic = `القاهرة - وصل وزير الخارجية الأمريكي إلى القاهرة يوم الثلاثاء ٢٤ نوفمبر قادماً من الرياض، وبالقاهرة التقى نظيره
المصري. وقال إن مصر والسعودية وللقاهرة دوراً في هدنة قطاع غزة التي تبدأ في 27 تشرين الثاني/نوفمبر 2026، وأكد خليل أن الولايات المتحدة ستدعمها.`;
  const e = extractEntities(arabic, { published });

  it('maps names with attached particles (وبالقاهرة، وللقاهرة، والسعودية) to the key of the English name', () => {
    const english = extractEntities(
      'Talks in Cairo between Egypt, Saudi Arabia and the United States on the Gaza Strip.',
      { lang: 'en' },
    );
    const englishKeys = english.places.map((p) => p.key).sort();
    expect(e.places.map((p) => p.key).sort()).toEqual(expect.arrayContaining(englishKeys));
    expect(e.places.find((p) => p.key === 'city:360630')).toMatchObject({ name: 'القاهرة', count: 4 });
  });

  it('does not take a first name for a place (خليل is not الخليل, Hebron)', () => {
    expect(e.places.map((p) => p.key)).not.toContain('city:285066');
  });

  it('reads Gregorian dates in both month-name forms and Arabic-Indic digits', () => {
    expect(e.dates).toEqual(['2026-11-24', '2026-11-27']);
  });

  it('has no people or organisations (not extracted for Arabic yet)', () => {
    expect(e.people).toEqual([]);
    expect(e.organisations).toEqual([]);
  });
});

describe('extractEntities, false positives', () => {
  it('does not read everyday words as places', () => {
    const e = extractEntities(
      'Reading the report, Mobile phone makers said it was a Nice gesture. Us too, said one. Of course.',
      {
        lang: 'en',
      },
    );
    expect(e.places).toEqual([]);
  });

  it('matches an everyday-word place where the sentence makes it a place', () => {
    const e = extractEntities('The summit was held in Nice, France, on Monday.', { lang: 'en' });
    expect(e.places.map((p) => p.key)).toEqual(expect.arrayContaining(['FR', 'city:2990440']));
  });

  it('keeps a place name inside a person name out of the places', () => {
    const e = extractEntities('Michael Jordan and Whitney Houston attended the gala.', { lang: 'en' });
    expect(e.places).toEqual([]);
  });
});

describe('extractEntities, odd input', () => {
  it('answers empty entities for empty, one-word and unknown-script text', () => {
    for (const text of ['', ' ', 'Hello', '東京で会議が開かれた。', '😀😀😀', '\u0000\uFFFF']) {
      const e = extractEntities(text, {});
      expect(e).toMatchObject({
        people: expect.any(Array),
        organisations: expect.any(Array),
        places: expect.any(Array),
        dates: expect.any(Array),
      });
    }
    expect(extractEntities('東京で会議が開かれた。', {}).places).toEqual([]);
  });

  it('reads the title too', () => {
    expect(extractEntities('', { title: 'Floods hit Egypt', lang: 'en' }).places.map((p) => p.key)).toEqual([
      'EG',
    ]);
  });

  it('stays bounded on a 1 MB text', () => {
    const paragraph = `${englishStory}\n`;
    const huge = paragraph.repeat(Math.ceil(1_000_000 / paragraph.length));
    const started = performance.now();
    const e = extractEntities(huge, { lang: 'en', published });
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(e.places.length).toBeGreaterThan(0);
    const arabicHuge = 'زار الوزير القاهرة والرياض. '.repeat(40_000);
    expect(extractEntities(arabicHuge, { lang: 'ar' }).places.map((p) => p.key)).toEqual([
      'city:360630',
      'city:108410',
    ]);
  });
});
