import { describe, expect, it } from 'vitest';
import { extractArticle } from '../extract-article.js';

const body = '<p>' + 'The council met on the evening and agreed the budget after a long debate about roads. '.repeat(6) + '</p>';

function page(head: string, article: string): string {
  return `<!doctype html><html lang="en"><head><title>Budget agreed</title>${head}</head><body><article><h1>Budget agreed</h1>${article}${body}</article></body></html>`;
}

describe('publication day', () => {
  it('takes the publisher’s local day when the page writes the same instant in UTC and in its own offset', () => {
    const html = page(
      '<meta property="article:published_time" content="2023-11-09T06:35:29+00:00">',
      '<time datetime="2023-11-08T22:35:29-08:00">November 8, 2023</time>',
    );
    const article = extractArticle({ html, url: 'https://news.example/local/budget', now: new Date('2024-01-01T00:00:00Z') });
    expect(article.published).toBe('2023-11-08T22:35:29-08:00');
  });

  it('keeps the UTC day when no local time names the same instant', () => {
    const html = page(
      '<meta property="article:published_time" content="2023-11-09T06:35:29+00:00">',
      '<time datetime="2023-11-07T10:00:00-08:00">November 7, 2023</time>',
    );
    const article = extractArticle({ html, url: 'https://news.example/local/budget', now: new Date('2024-01-01T00:00:00Z') });
    expect(article.published?.slice(0, 10)).toBe('2023-11-09');
  });
});
