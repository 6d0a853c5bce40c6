import { describe, expect, it } from 'vitest';
import { parseFeedDate } from './feed-date.js';

describe('parseFeedDate', () => {
  it.each([
    ['Thu, 12 Nov 2015 21:16:39 +0000', '2015-11-12T21:16:39.000Z'],
    ['Mon, 1 Jan 2024 10:00:00 EST', '2024-01-01T15:00:00.000Z'],
    ['Sunday, 05 January 2020 10:00:00 +0200', '2020-01-05T08:00:00.000Z'],
    ['Fri, 08 Jul 2016 13:40:00 UTC', '2016-07-08T13:40:00.000Z'],
    ['Sat, 07 Sep 2002 00:00:01 GMT+2', '2002-09-06T22:00:01.000Z'],
    ['03 Apr 02 1500 GMT', '2002-04-03T15:00:00.000Z'],
    ['Mon, 05 Jan 2020 10:00 PM PST', '2020-01-06T06:00:00.000Z'],
    ['Tue, 10 Jun 2003 04:00:00', '2003-06-10T04:00:00.000Z'],
    ['Di, 07 Jan 2020 08:00:00 +0100', '2020-01-07T07:00:00.000Z'],
    ['12 Mär 2021 10:00:00 +0100', '2021-03-12T09:00:00.000Z'],
    ['January 5, 2020 10:00 am', '2020-01-05T10:00:00.000Z'],
    ['Wed Jan 08 2020 14:00:00 GMT+0100 (CET)', '2020-01-08T13:00:00.000Z'],
  ])('reads RFC 822 and its variants: %s', (text, iso) => {
    expect(parseFeedDate(text)).toBe(iso);
  });

  it.each([
    ['2003-12-13T18:30:02Z', '2003-12-13T18:30:02.000Z'],
    ['2003-12-13T18:30:02.25+01:00', '2003-12-13T17:30:02.250Z'],
    ['2003-12-13T18:30:02-0500', '2003-12-13T23:30:02.000Z'],
    ['2003-12-13 18:30:02', '2003-12-13T18:30:02.000Z'],
    ['20031213T183002Z', '2003-12-13T18:30:02.000Z'],
    ['2003-12-13', '2003-12-13T00:00:00.000Z'],
    ['2003-12', '2003-12-01T00:00:00.000Z'],
  ])('reads ISO 8601 and W3C-DTF, no zone meaning UTC: %s', (text, iso) => {
    expect(parseFeedDate(text)).toBe(iso);
  });

  it('answers null for empty text, words, and impossible dates', () => {
    for (const text of [
      null,
      undefined,
      '',
      '   ',
      'yesterday-ish',
      'Mon, 31 Feb 2020 10:00:00 GMT',
      '2020-13-01',
    ]) {
      expect(parseFeedDate(text)).toBeNull();
    }
  });
});
