import { describe, expect, it } from 'vitest';
import { chooseBetterText } from './choose-better-text.js';
import type { ExtractedArticle } from './types.js';

const sentences = (n: number, topic: string) =>
  Array.from({ length: n }, (_, i) => `Sentence ${i + 1} about ${topic} gives the reader one more fact to weigh.`).join(' ');
const extracted = (text: string) => ({ text }) as ExtractedArticle;

describe('chooseBetterText', () => {
  it('keeps the page when the feed carries only a teaser', () => {
    const chosen = chooseBetterText('<p>The council met.</p>', extracted(sentences(40, 'the council')));
    expect(chosen?.from).toBe('page');
  });

  it('keeps the feed when the page extraction found much less than the feed holds', () => {
    const chosen = chooseBetterText(`<p>${sentences(40, 'the council')}</p>`, extracted('Subscribe to read on.'));
    expect(chosen).toEqual({ from: 'feed', text: sentences(40, 'the council') });
  });

  it('keeps the feed when the page grew far longer with other text', () => {
    const feed = `<p>${sentences(20, 'the council')}</p>`;
    const otherText = Array.from({ length: 80 }, (_, i) => `Match report ${i}: the striker scored twice before half time in front of a full stadium.`).join(' ');
    const chosen = chooseBetterText(feed, extracted(otherText));
    expect(chosen?.from).toBe('feed');
  });

  it('falls back to whichever exists when extraction failed', () => {
    expect(chooseBetterText('<p>Only the feed.</p>', null)).toEqual({ from: 'feed', text: 'Only the feed.' });
    expect(chooseBetterText(null, null)).toBeNull();
  });
});
