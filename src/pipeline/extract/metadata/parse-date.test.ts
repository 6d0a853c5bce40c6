import { describe, expect, it } from 'vitest';
import { isPlausibleDate, parseCommonDate, parseStructuredDate, parseTextDate, readingForLanguage } from './parse-date.js';

describe('page dates', () => {
  it('keeps the offset the page states, and a day alone as a day', () => {
    expect(parseStructuredDate('2020-06-07T01:00:00+03:00')?.iso).toBe('2020-06-07T01:00:00+03:00');
    expect(parseStructuredDate('2020-06-07T01:00:00.000+0300')?.iso).toBe('2020-06-07T01:00:00+03:00');
    expect(parseStructuredDate('2020-06-06T22:00:00Z')?.day).toBe('2020-06-06');
    expect(parseStructuredDate('2020-06-07')?.iso).toBe('2020-06-07');
    expect(parseStructuredDate('20200607')?.iso).toBe('2020-06-07');
    expect(parseStructuredDate('Sat, 19 Oct 2019 00:04:00 +0200')?.iso).toBe('2019-10-19T00:04:00+02:00');
  });

  it('reads dates as people write them in several languages', () => {
    expect(parseTextDate('Donnerstag, 31. Mai 2012')?.day).toBe('2012-05-31');
    expect(parseTextDate('Posted on May 31, 2012 by Anna')?.day).toBe('2012-05-31');
    expect(parseTextDate('31 de mayo de 2012')?.day).toBe('2012-05-31');
    expect(parseTextDate('Stand: 07.10.2016, 10:45 Uhr')?.iso).toBe('2016-10-07T10:45:00');
    expect(parseTextDate('vor 3 Stunden')).toBeNull();
    expect(parseTextDate('31.02.2019')).toBeNull();
  });

  it('refuses dates in the future and before 1995', () => {
    const now = new Date('2024-01-01T00:00:00Z');
    expect(isPlausibleDate(parseStructuredDate('2023-12-31')!, now)).toBe(true);
    expect(isPlausibleDate(parseStructuredDate('2024-03-01')!, now)).toBe(false);
    expect(isPlausibleDate(parseStructuredDate('1994-12-31')!, now)).toBe(false);
  });
});

describe('numeric dates either way round', () => {
  it('reads day first outside the United States, month first for plain or US English', () => {
    expect(parseTextDate('The Guardian 02/10/2020', readingForLanguage('en-GB'))?.day).toBe('2020-10-02');
    expect(parseTextDate('02/10/2020', readingForLanguage('en-US'))?.day).toBe('2020-02-10');
    expect(parseTextDate('02/10/2020', readingForLanguage('fr'))?.day).toBe('2020-10-02');
    expect(parseTextDate('24/09/2019', readingForLanguage('en'))?.day).toBe('2019-09-24');
  });

  it('reads the common forms without the costly parsers', () => {
    expect(parseCommonDate('Stand: 09.10.2017, 01:40 Uhr')?.day).toBe('2017-10-09');
    expect(parseCommonDate('le 3 mars 2019')?.day).toBe('2019-03-03');
  });

  it('reads Chinese, Japanese and Korean dates, in a text scan too', () => {
    expect(parseCommonDate('公開日：2019年2月22日 14:37')?.day).toBe('2019-02-22');
    expect(parseCommonDate('2019 年 12 月 31 日')?.day).toBe('2019-12-31');
    expect(parseCommonDate('2019년 3월 5일 발행')?.day).toBe('2019-03-05');
  });
});
