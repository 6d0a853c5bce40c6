import { describe, expect, it } from 'vitest';
import { leadAges, StoryAges } from './lead-ages.js';

describe('leadAges', () => {
  it('reads the ages tied to the lead subject', () => {
    expect(leadAges('Mark Felt, Deep Throat of Watergate, dead at 95', 'He died on Thursday.')).toEqual([95]);
    expect(leadAges('', 'The actress died early Thursday in her sleep. She was 91.')).toEqual([91]);
    expect(leadAges('', 'The swimmer died at the age of 85 in Los Angeles.')).toEqual([85]);
    expect(leadAges('', 'A man aged 40 was charged.')).toEqual([40]);
    expect(leadAges('', 'The FBI official has died. Mark Felt was 95.')).toEqual([95]);
  });

  it('ignores times, shares, ages of bystanders and anything after the lead', () => {
    expect(leadAges('', 'He died at 2:30 a.m. on Friday, and shares fell at 10 % later.')).toEqual([]);
    expect(leadAges('', 'A 60-year-old woman and Lopez, 20, were arrested.')).toEqual([]);
    expect(leadAges('', 'The turnout was 45. It was 20.')).toEqual([]);
    expect(leadAges('', `${'word '.repeat(100)}He was 75.`)).toEqual([]);
  });
});

describe('StoryAges', () => {
  it('sees a conflict only when both sides state ages and none agree within a birthday', () => {
    const ages = new StoryAges();
    ages.record(1, [95]);
    expect(ages.conflicts(1, [75])).toBe(true);
    expect(ages.conflicts(1, [94])).toBe(false);
    expect(ages.conflicts(1, [])).toBe(false);
    expect(ages.conflicts(2, [75])).toBe(false);
    ages.forget(1);
    expect(ages.conflicts(1, [75])).toBe(false);
  });
});
