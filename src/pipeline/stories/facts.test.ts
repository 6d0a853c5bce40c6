import { describe, expect, it } from 'vitest';
import { findClaims } from './claims.js';
import { findQuantities } from './quantities.js';

describe('findQuantities', () => {
  it('finds numbers with what they count and how the text qualifies them', () => {
    const found = findQuantities(
      'The fighting has killed more than 240 people, including 30 civilians. The valley covers about 4,400 square kilometres of farmland, and 2.5 million people live there.',
    );
    expect(found.map((q) => [q.qualifier, q.value, q.counts])).toEqual([
      ['more than', 240, 'people'],
      [undefined, 30, 'civilians'],
      ['about', 4400, 'square kilometres'],
      [undefined, 2_500_000, 'people'],
    ]);
  });

  it('does not take years for quantities', () => {
    expect(findQuantities('The ceasefire of 1994 held until the 2020 war began.')).toEqual([]);
  });
});

describe('findClaims', () => {
  it('finds who accuses whom of what', () => {
    const claims = findClaims(
      'Human Rights Watch has accused Ruritania of shelling homes in the border region. Officials did not respond.',
    );
    expect(claims).toEqual([
      {
        who: 'Human Rights Watch',
        verb: 'accused',
        about: 'Ruritania',
        what: 'shelling homes in the border region',
      },
    ]);
  });

  it('finds reported statements and skips pronoun openers', () => {
    const claims = findClaims(
      'The Daily Courier reported that the dam had cracked. It said repairs would take weeks.',
    );
    expect(claims).toEqual([{ who: 'Daily Courier', verb: 'reported', what: 'the dam had cracked' }]);
  });
});
