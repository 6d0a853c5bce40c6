import { describe, expect, it } from 'vitest';
import { arabicDates, englishDates } from './dates.js';

const published = new Date('2026-11-26T09:00:00Z'); // a Thursday

describe('englishDates', () => {
  it('resolves weekdays and day-month dates against the publication date', () => {
    expect(englishDates('The talks began on Tuesday and end on 27 November.', published)).toEqual([
      '2026-11-24',
      '2026-11-27',
    ]);
    expect(englishDates('He was arrested yesterday.', published)).toEqual(['2026-11-25']);
  });

  it('keeps dates that state their year, even without a publication date', () => {
    expect(englishDates('The attack of September 11, 2001 was recalled.', undefined)).toEqual(['2001-09-11']);
    expect(englishDates('The talks began on Tuesday.', undefined)).toEqual([]);
  });

  it('drops spans and times that name no day, and implausible years', () => {
    expect(englishDates('Next week, last year, 5 minutes ago and in 2025.', published)).toEqual([]);
    expect(englishDates('A prophecy for March 3, 2999.', published)).toEqual([]);
  });
});

describe('arabicDates', () => {
  it('reads Egyptian/Gulf and Levantine month names with Western or Arabic-Indic digits', () => {
    expect(arabicDates('في ٢٧ نوفمبر الجاري', published)).toEqual(['2026-11-27']);
    expect(arabicDates('يوم 3 كانون الثاني 2027', published)).toEqual(['2027-01-03']);
    expect(arabicDates('في 15 آب (أغسطس) 2025م', published)).toEqual(['2025-08-15']);
    expect(arabicDates('منذ 1 من شهر أيار عام 2024', published)).toEqual(['2024-05-01']);
  });

  it('puts a date without a year in the year nearest the publication date', () => {
    expect(arabicDates('تبدأ في 3 يناير', published)).toEqual(['2027-01-03']);
    expect(arabicDates('بدأت في 20 نوفمبر', published)).toEqual(['2026-11-20']);
  });

  it('drops impossible days and dates with neither year nor publication date', () => {
    expect(arabicDates('في 31 فبراير 2026', published)).toEqual([]);
    expect(arabicDates('في 27 نوفمبر', undefined)).toEqual([]);
    expect(arabicDates('مارس اللاعب الرياضة 27 سنة', published)).toEqual([]);
  });
});
