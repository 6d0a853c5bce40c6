import { describe, expect, it } from 'vitest';
import { FULL_TEXT_MIN_CHARS, needsPage } from './needs-page.js';

describe('needsPage', () => {
  it('fetches the page of a summary-only item', () => {
    expect(needsPage({ url: 'https://news.example/a', content: null, summary: '<p>Two lines of teaser.</p>' })).toEqual({ fetch: true });
  });

  it('spares the publisher when the feed carries the full text, counting text not markup', () => {
    const long = `<p>${'word '.repeat(FULL_TEXT_MIN_CHARS / 5 + 10)}</p>`;
    expect(needsPage({ url: 'https://news.example/a', content: long, summary: null })).toMatchObject({ fetch: false });
    const markupOnly = `<div class="${'x'.repeat(5000)}"><p>short</p></div>`;
    expect(needsPage({ url: 'https://news.example/a', content: markupOnly, summary: null })).toEqual({ fetch: true });
  });

  it('never fetches without an http(s) link', () => {
    expect(needsPage({ url: null, content: null, summary: 'x' })).toMatchObject({ fetch: false, reason: 'no web link' });
    expect(needsPage({ url: 'ftp://news.example/a', content: null, summary: 'x' })).toMatchObject({ fetch: false });
  });
});
