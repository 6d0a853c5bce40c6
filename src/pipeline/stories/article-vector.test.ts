import { describe, expect, it } from 'vitest';
import {
  articleVector,
  defaultVectorWeights,
  displayTerm,
  isNameTerm,
  leadPeople,
  readsAsPerson,
} from './article-vector.js';
import { TermStatistics } from './term-statistics.js';

const lead = 'Fire crews in Wellington fought a blaze at the supermarket overnight.';
const filler = ' Residents said the shop had been rebuilt after a storm and would open again soon.'.repeat(3);
const later = `${filler} A visitor from Banstead watched.`;

function weightOf(vector: ReturnType<typeof articleVector>, term: string): number {
  const i = vector.terms.indexOf(term);
  return i < 0 ? 0 : vector.weights[i]!;
}

describe('articleVector', () => {
  it('weighs a name in the lead above a name met later in the text', () => {
    const vector = articleVector({ text: lead + later }, new TermStatistics(0.7));
    const names = vector.terms.filter(isNameTerm).map(displayTerm);
    expect(names).toEqual(expect.arrayContaining(['wellington', 'banstead']));
    expect(weightOf(vector, '\u0001wellington')).toBeGreaterThan(weightOf(vector, '\u0001banstead'));
  });

  it('gives lead names no extra weight when the boost is off', () => {
    const weights = { ...defaultVectorWeights, leadNameBoost: 0 };
    const vector = articleVector({ text: lead + later }, new TermStatistics(0.7), weights);
    expect(weightOf(vector, '\u0001wellington')).toBeCloseTo(weightOf(vector, '\u0001banstead'));
  });

  it('marks names and numbers, in any script, as key terms and keeps ids sorted', () => {
    const statistics = new TermStatistics(0.7);
    const vector = articleVector(
      { text: 'Officials in Riyadh counted 240 people and ٢٠١٣ tents.' },
      statistics,
    );
    const keyTerms = vector.terms.filter((_, i) => statistics.isKey(vector.ids[i]!)).map(displayTerm);
    expect(keyTerms.sort()).toEqual(['240', 'riyadh', '٢٠١٣'].sort());
    expect([...vector.ids]).toEqual([...vector.ids].sort((a, b) => a - b));
  });

  it('keeps at most maxTerms terms, the heaviest, for an enormous text', () => {
    const text = Array.from({ length: 3000 }, (_, i) => `word${i} word${i % 7}`).join(' ');
    const vector = articleVector({ text }, new TermStatistics(0.7), {
      ...defaultVectorWeights,
      maxTerms: 50,
    });
    expect(vector.ids.length).toBe(50);
    // The seven repeated words have the highest term frequency and so the highest rank.
    for (let k = 0; k < 7; k++) expect(vector.terms).toContain(`word${k}`);
  });

  it('takes for subject the person of the lead the text names most, at least twice', () => {
    const statistics = new TermStatistics(0.7);
    const text =
      'The Saints placed running back Pierre Thomas on injured reserve on Wednesday, saying Thomas hurt his ankle ' +
      'and Thomas will miss the playoffs; Reggie Bush was put on the list last season.';
    const vector = articleVector({ text }, statistics);
    expect(vector.subject).toBe(statistics.idOf('\u0001thomas', true));
    expect(vector.subjectMentions).toBe(3);
    expect(
      articleVector({ text: 'Pierre Thomas was placed on injured reserve on Wednesday.' }, statistics)
        .subject,
    ).toBe(-1);
  });

  it('does not read names of teams, products and organisations as people', () => {
    const person = (text: string) => [
      ...new Set(
        leadPeople(text)
          .filter((p) => readsAsPerson(text, p))
          .map((p) => p.surname),
      ),
    ];
    expect(person('The coach Jim Caldwell spoke. Caldwell said the team played well.')).toEqual(['caldwell']);
    expect(person('The Indianapolis Colts lost on Sunday. The Colts had won eight games.')).toEqual([]);
    expect(person('He flew with Malaysia Airlines Flight 370. The flight vanished over the sea.')).toEqual(
      [],
    );
    expect(person('Police stopped Vincent Jackson on suspicion of DUI. Jackson was released.')).toEqual([
      'jackson',
    ]);
    expect(
      person('Stars visited Cliffside Malibu this week. The Cliffside Malibu clinic said nothing.'),
    ).toEqual([]);
  });
});
