import { describe, expect, it } from 'vitest';
import { daysInText, findTextDates, readWrittenDates } from './text-dates.js';
import type { PageDate } from './parse-date.js';

const ok = (d: PageDate | null) => d;
const dayFirst = { monthFirst: false };

describe('dates in visible text', () => {
  it('takes the date announced as the publication over earlier ones', () => {
    const found = findTextDates(readWrittenDates('Heute 14.10.2020. Dieser Artikel wurde am 14. Dezember 2015 um 14:48 veröffentlicht.', dayFirst), ok);
    expect(found.announced?.day).toBe('2015-12-14');
  });

  it('reads announcements in several languages and after a byline', () => {
    expect(findTextDates(readWrittenDates('Publié le 30 septembre 2018 à 10:00', dayFirst), ok).announced?.day).toBe('2018-09-30');
    expect(findTextDates(readWrittenDates('Erschienen am: 13.10.2021', dayFirst), ok).announced?.day).toBe('2021-10-13');
    expect(findTextDates(readWrittenDates('Gespeichert von rasos am 24. Juli 2017 - 18:55', dayFirst), ok).announced?.day).toBe('2017-07-24');
    expect(findTextDates(readWrittenDates('Posted on March 3, 2019 by Anna', dayFirst), ok).announced?.day).toBe('2019-03-03');
  });

  it('keeps changes apart and skips dates that are not the article’s', () => {
    const found = findTextDates(readWrittenDates('Aktuelle Zeit: 14.10.2020 · Registriert: 18.09.2008 · Zuletzt geändert am 15.10.2021 · Anna » 21.01.2009, 05:42', dayFirst), ok);
    expect(found.first?.day).toBe('2009-01-21');
    expect(found.changed?.day).toBe('2021-10-15');
    expect(findTextDates(readWrittenDates('Copyright © 19.12.2019 Example GmbH', dayFirst), ok).first).toBeNull();
  });

  it('does not read the end of a range as a date of its own', () => {
    expect(findTextDates(readWrittenDates('Treffen am 23.-26.8.2017 in Wien', dayFirst), ok).first).toBeNull();
  });

  it('lists the days a page shows', () => {
    expect([...daysInText(readWrittenDates('Updated Mar 12, 2020 · first 17 Jun 2019', dayFirst))]).toEqual(['2020-03-12', '2019-06-17']);
  });

  it('finds every date of a long text in order, in each written form, with the words before it', () => {
    const filler = 'The council met again in 1999 and 2020 spaces to discuss roads. '.repeat(300);
    const text = `${filler}Posted 12.05.2019 13.05.2019, then 2019-05-14 and 15/05/2019; ${filler}on 16th   May,\n\n  2019 or June 17, 2019.`;
    const written = readWrittenDates(text, dayFirst);
    expect(written.map((w) => w.date?.day)).toEqual(['2019-05-12', '2019-05-13', '2019-05-14', '2019-05-15', '2019-05-16', '2019-06-17']);
    expect(written[0]!.before.endsWith('Posted ')).toBe(true);
    expect(written[4]!.before.endsWith('on ')).toBe(true);
  });

  it('finds dates written the Chinese, Japanese or Korean way in a page text', () => {
    const written = readWrittenDates('更新 2019年2月25日 / 公開日 2019 年 2 月 22 日 ニュース', dayFirst);
    expect(written.map((w) => w.date?.day)).toEqual(['2019-02-25', '2019-02-22']);
  });

  it('reads Arabic dates in every month naming and in Arabic-Indic digits, and what the words before them announce', () => {
    const text = 'آخر تحديث: ٣ تشرين الأول ٢٠٢٠ — نشر في 22 فبراير، 2019 | ذكرى 1 أيار 2018';
    const written = readWrittenDates(text, dayFirst);
    expect(written.map((w) => w.date?.day)).toEqual(['2020-10-03', '2019-02-22', '2018-05-01']);
    const found = findTextDates(written, ok);
    expect(found.changed?.day).toBe('2020-10-03');
    expect(found.announced?.day).toBe('2019-02-22');
  });
});
