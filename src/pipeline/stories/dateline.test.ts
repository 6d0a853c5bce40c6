import { describe, expect, it } from 'vitest';
import { datelineLength } from './dateline.js';

const rest = (text: string) => text.slice(datelineLength(text));

describe('datelineLength', () => {
  it('reads the dated first line the Saudi Press Agency heads its stories with', () => {
    const text = ' جنيف 25 شوال 1436 هـ الموافق 10 اغسطس 2015 م واس  اختتمت لجنة الأمم المتحدة زيارتها';
    expect(rest(text)).toBe('اختتمت لجنة الأمم المتحدة زيارتها');
  });

  it('reads an agency in brackets or after a dash', () => {
    expect(rest('WASHINGTON, Dec 5 (Reuters) - The Federal Reserve held rates.')).toBe(
      'The Federal Reserve held rates.',
    );
    expect(rest('القاهرة - أ ف ب - قال مسؤول مصري إن')).toBe('قال مسؤول مصري إن');
    expect(rest('الرياض - واس\nأعلنت وزارة الصحة')).toBe('أعلنت وزارة الصحة');
  });

  it('leaves texts without a dateline whole, and sentences that name an agency or a year', () => {
    for (const text of [
      'The AP reported that the storm hit the coast.',
      'Perennial party girl Tara Reid checked herself into Promises Treatment Center, her rep told People.',
      'May 03, 2013\nAfter skipping out on entering a rehabilitation facility',
      'In 2015 - a year to remember - many things changed.',
      'أكد وزير الخارجية أن المملكة 2015 - 2016 ستواصل',
      '',
    ])
      expect(datelineLength(text), text).toBe(0);
  });

  it('takes nothing from a text that is only a dateline', () => {
    expect(datelineLength('الرياض - واس')).toBe(0);
  });
});
