import { describe, expect, it } from 'vitest';
import { readStoryFixture } from '../../../test/fixtures/stories/read-fixture.js';
import { findBylineCredits, findCredits } from './credits.js';
import { diffSummary } from './diff-summary.js';
import { chooseOriginal } from './provenance.js';
import { StoryClusterer } from './story-clusterer.js';

const fixture = readStoryFixture;
const original = fixture('original-article.txt');
const copy = fixture('republished-copy.txt');

describe('credits', () => {
  it('finds the site a republished article names as its source', () => {
    expect(findCredits(copy).map((c) => c.name)).toEqual(['northwire.news']);
    expect(findCredits(original)).toEqual([]);
  });

  it('finds wire agencies in datelines, brackets and bylines, in English and Arabic', () => {
    expect(findCredits('LONDON (Reuters) - Shares fell.').map((c) => c.name)).toEqual(['reuters']);
    expect(findCredits('الرياض - واس\nأعلنت الوزارة').map((c) => c.name)).toEqual(['spa']);
    expect(findBylineCredits('واس - جدة').map((c) => c.name)).toEqual(['spa']);
    expect(findBylineCredits('Mary Wasserman').map((c) => c.name)).toEqual([]);
  });

  it("reads the Saudi Press Agency's dated first line as its credit, not a headline that names an agency", () => {
    const dateline = 'بريدة 25 شوال 1436 هـ الموافق 10 أغسطس 2015 م واس\nيواصل مهرجان تمور بريدة فعالياته';
    expect(findCredits(dateline).map((c) => c.name)).toEqual(['spa']);
    expect(findCredits('What the AP\nfound in the files').map((c) => c.name)).toEqual([]);
  });
});

describe('chooseOriginal', () => {
  it('picks the credited copy even when the copy was seen first, and says why', () => {
    const verdict = chooseOriginal([
      {
        id: 'copy',
        firstSeen: Date.parse('2026-03-03T08:00:00Z'),
        url: 'https://gulf-daily.test/a/1',
        credits: findCredits(copy),
      },
      {
        id: 'original',
        firstSeen: Date.parse('2026-03-03T09:00:00Z'),
        pollIntervalMinutes: 30,
        url: 'https://northwire.news/floods-maricka',
      },
    ]);
    expect(verdict.original).toBe('original');
    const reasons = verdict.scores.find((s) => s.id === 'original')!.reasons.join(' ');
    expect(reasons).toContain('credited by copy');
  });

  it('falls back to the earliest time, allowing for the polling interval', () => {
    const seenAt = (time: string, pollIntervalMinutes: number) => ({
      firstSeen: Date.parse(`2026-03-03T${time}:00Z`),
      pollIntervalMinutes,
    });
    // b was seen later but is polled every two hours: it most likely appeared before a.
    const likely = chooseOriginal([
      { id: 'a', ...seenAt('09:00', 5) },
      { id: 'b', ...seenAt('09:20', 120) },
    ]);
    expect(likely.original).toBe('b');
    expect(likely.scores[0]!.reasons.join(' ')).toMatch(
      /probably earliest \(appeared between .*07:20.*chance 8\d%/,
    );
    const sure = chooseOriginal([
      { id: 'a', ...seenAt('09:00', 5) },
      { id: 'b', ...seenAt('09:20', 10) },
    ]);
    expect(sure.scores[0]).toMatchObject({
      id: 'a',
      score: 2,
      reasons: ['+2 earliest (appeared between 2026-03-03T08:55:00.000Z and 2026-03-03T09:00:00.000Z)'],
    });
    const unknownPolls = chooseOriginal([
      { id: 'a', firstSeen: Date.parse('2026-03-03T09:00:00Z') },
      { id: 'b', firstSeen: Date.parse('2026-03-03T10:00:00Z') },
    ]);
    expect(unknownPolls.scores[0]!.reasons).toEqual(['+2 earliest (first seen 2026-03-03T09:00:00.000Z)']);
    const stated = chooseOriginal([
      { id: 'a', published: Date.parse('2026-03-03T07:00:00Z'), ...seenAt('09:00', 5) },
      { id: 'b', ...seenAt('08:00', 5) },
    ]);
    expect(stated.scores[0]).toMatchObject({
      id: 'a',
      reasons: ['+2 earliest (published 2026-03-03T07:00:00.000Z)'],
    });
    // Both polled once a day and seen two hours apart: the times cannot tell which came first.
    const daily = chooseOriginal([
      { id: 'a', ...seenAt('08:00', 1440) },
      { id: 'b', ...seenAt('10:00', 1440) },
    ]);
    expect(daily.scores.every((s) => s.score === 0)).toBe(true);
  });

  it("takes a wire agency's copy under its own dateline as the original, though a paper was seen first", () => {
    const story = 'تواصل أمانة المنطقة جولاتها الرقابية على المخابز والمحلات التجارية في المدينة.';
    const verdict = chooseOriginal([
      {
        id: 'paper',
        firstSeen: Date.parse('2015-08-10T15:35:00Z'),
        pollIntervalMinutes: 1440,
        url: 'https://paper.test/351870',
        credits: findCredits(`أبها - الصحيفة:\n${story}`),
      },
      {
        id: 'wire',
        firstSeen: Date.parse('2015-08-10T17:27:00Z'),
        pollIntervalMinutes: 1440,
        url: 'https://www.spa.gov.sa/details.php?id=1386848',
        credits: findCredits(`أبها 25 شوال 1436 هـ الموافق 10 أغسطس 2015 م واس\n${story}`),
      },
    ]);
    expect(verdict.original).toBe('wire');
    expect(verdict.scores[0]!.reasons.join(' ')).toContain("its own agency's dateline");
  });

  it('prefers the copy another one names as canonical or links to', () => {
    const verdict = chooseOriginal([
      { id: 'a', url: 'https://one.test/x', canonicalUrl: 'https://two.test/y' },
      { id: 'b', url: 'https://two.test/y' },
    ]);
    expect(verdict.original).toBe('b');
  });
});

describe('diffSummary', () => {
  it('says how much the copy added and removed', () => {
    const summary = diffSummary(original, copy);
    expect(summary.keptSentences).toBe(5);
    expect(summary.removedSentences).toBe(1);
    expect(summary.addedSentences).toBe(4);
    expect(summary.changedShare).toBeGreaterThan(0.1);
    expect(summary.changedShare).toBeLessThan(0.5);
    expect(diffSummary(original, original).changedShare).toBe(0);
  });
});

describe('StoryClusterer copies', () => {
  it('marks the republished copy as a duplicate and the credited article as original, in either order', () => {
    for (const order of [
      ['copy', 'original'],
      ['original', 'copy'],
    ]) {
      const clusterer = new StoryClusterer();
      const articles = {
        original: {
          id: 'original',
          text: original,
          url: 'https://northwire.news/floods-maricka',
          firstSeen: '2026-03-03T09:00:00Z',
        },
        copy: {
          id: 'copy',
          text: copy,
          url: 'https://gulf-daily.test/a/1',
          firstSeen: '2026-03-03T08:30:00Z',
        },
      };
      clusterer.add(articles[order[0] as 'copy']);
      const second = clusterer.add(articles[order[1] as 'copy']);
      expect(second.duplicateOf).toBe(order[0]);
      expect(second.original).toBe('original');
      expect(second.story).toBe(order[0]);
      expect(second.evidence.provenance?.[0]?.reasons.join(' ')).toContain('northwire.news');
    }
  });
});
