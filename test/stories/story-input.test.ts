import { describe, expect, it } from 'vitest';
import { articleLinks, articlePlainText, toStoryArticle } from '../../src/pipeline/ingest/story-input.js';

const stored = {
  id: 7,
  title: 'Title',
  url: 'https://paper.example/a',
  summary: 'Short summary.',
  content: null as string | null,
  author: 'Reuters staff',
  publishedAt: Date.UTC(2026, 10, 1, 8),
  firstSeenAt: Date.UTC(2026, 10, 1, 9),
  sourceName: 'Paper',
};

describe('story input from a stored article', () => {
  it('uses the content as plain text, paragraphs on their own lines, else the summary', () => {
    const content =
      '<p>First &amp; foremost.</p><script>var x = "<p>";</script><p>Second <b>bold</b><br>line.</p>';
    expect(articlePlainText({ content, summary: 'ignored' })).toBe('First & foremost.\nSecond bold\nline.');
    expect(articlePlainText({ content: null, summary: '<p>Only the summary</p>' })).toBe('Only the summary');
    expect(articlePlainText({ content: null, summary: null })).toBe('');
  });

  it('finds absolute links, each once', () => {
    const html =
      '<a href="https://wire.example/x">a</a> <a href=\'https://wire.example/x\'>b</a> <a href="/local">c</a>';
    expect(articleLinks({ content: html, summary: null })).toEqual(['https://wire.example/x']);
  });

  it('claims a publication time only when the source gave one', () => {
    const withDate = toStoryArticle(stored);
    expect(withDate).toMatchObject({
      id: '7',
      text: 'Short summary.',
      published: '2026-11-01T08:00:00.000Z',
      firstSeen: '2026-11-01T09:00:00.000Z',
      byline: 'Reuters staff',
      source: 'Paper',
    });
    const undated = toStoryArticle({ ...stored, publishedAt: stored.firstSeenAt });
    expect(undated.published).toBeUndefined();
  });

  it('gives provenance the span since the check before the one that found the article', () => {
    const polled = toStoryArticle({ ...stored, seenSince: stored.firstSeenAt - 90 * 60_000 });
    expect(polled.pollIntervalMinutes).toBe(90);
    expect(toStoryArticle({ ...stored, seenSince: null }).pollIntervalMinutes).toBeUndefined();
    expect(toStoryArticle(stored).pollIntervalMinutes).toBeUndefined();
  });
});
