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
    const verdict = chooseOriginal([
      { id: 'a', firstSeen: Date.parse('2026-03-03T09:00:00Z'), pollIntervalMinutes: 5 },
      { id: 'b', firstSeen: Date.parse('2026-03-03T09:20:00Z'), pollIntervalMinutes: 60 },
    ]);
    expect(verdict.original).toBe('b');
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
