import { describe, expect, it } from 'vitest';
import { extractArticle } from '../extract-article.js';
import { parseDocument } from '../input/dom.js';
import { findDates } from './find-dates.js';
import { readMetaTags } from './meta-tags.js';
import { indexPage } from './page-index.js';

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

describe('publication day from the page itself', () => {
  const now = new Date('2024-01-01T00:00:00Z');
  const datesOf = (html: string, url = 'https://news.example/story') => {
    const document = parseDocument(html);
    const page = indexPage(document);
    return findDates(document, page, readMetaTags(page.metas), null, url, now, { monthFirst: false });
  };

  it('never takes a date from the comments', () => {
    const { published } = datesOf(`<html><body><article><h1>Roomba</h1><p>Eine virtuelle Wand. Veröffentlicht am 16.08.2019</p></article>
      <section id="comments"><time datetime="2019-08-24T03:36:11+02:00">24. August 2019</time></section></body></html>`);
    expect(published?.day).toBe('2019-08-16');
  });

  it('takes the day the page shows when it shows only the later of published and modified', () => {
    const { published } = datesOf(`<html><head><meta property="article:published_time" content="2019-06-17T00:00:00+00:00">
      <meta property="article:modified_time" content="2020-06-04T16:41:46+00:00"></head>
      <body><article><h1>Docker</h1><p>Last updated 04 Jun 2020</p></article></body></html>`);
    expect(published?.day).toBe('2020-06-04');
  });

  it('keeps the published day when the page shows it', () => {
    const { published } = datesOf(`<html><head><meta property="article:published_time" content="2019-06-17T00:00:00+00:00">
      <meta property="article:modified_time" content="2020-06-04T16:41:46+00:00"></head>
      <body><article><h1>Docker</h1><p>17 Jun 2019 · updated 04 Jun 2020</p></article></body></html>`);
    expect(published?.day).toBe('2019-06-17');
  });

  it('takes the local day of a UTC time near midnight when only that day is shown', () => {
    const { published } = datesOf(`<html><head><meta property="article:published_time" content="2021-11-04T23:00Z"></head>
      <body><article><h1>Wahlen</h1><p class="date">5. November 2021</p></article></body></html>`);
    expect(published?.day).toBe('2021-11-05');
    expect(published?.iso).toBe('2021-11-05T00:00:00+01:00');
  });

  it('prefers the earlier of an ambiguous <meta name="date"> and a date element', () => {
    const { published } = datesOf(`<html><head><meta name="date" content="2020-02-12"></head>
      <body><article><h1>Lieferketten</h1><div class="news-date">05.02.2020 - Redaktion</div></article></body></html>`);
    expect(published?.day).toBe('2020-02-05');
  });
});
