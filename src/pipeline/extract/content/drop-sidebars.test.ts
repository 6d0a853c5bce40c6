import { describe, expect, it } from 'vitest';
import { extractArticle } from '../extract-article.js';

const story = [
  'The city council agreed the new budget on Tuesday evening after a debate that lasted more than four hours.',
  'Most of the extra money goes to repairing roads and bridges that were damaged by the floods last winter.',
]
  .map((s) => `<p>${s}</p>`)
  .join('');
const widget = [
  'City News was founded in 1998 by a group of local reporters who wanted to cover the council more closely.',
  'It is published by a non-profit association and relies on its members and readers for most of its money.',
  'Our editors answer letters every Friday, and every reader can suggest a subject for a longer report.',
]
  .map((s) => `<p>${s}</p>`)
  .join('');
const page = (body: string) => `<!doctype html><html lang="en"><head><title>Budget agreed</title></head><body>${body}</body></html>`;
const extract = (html: string) => extractArticle({ html, url: 'https://news.example/city/budget' }).text;

describe('sidebars beside the article', () => {
  it('drops a sidebar longer than the article beside it', () => {
    const text = extract(
      page(`<div class="wrap"><div class="content-area"><article><h1>Budget agreed</h1>${story}</article></div><div class="sidebar"><div class="textwidget">${widget}</div></div></div>`),
    );
    expect(text).toContain('damaged by the floods');
    expect(text).not.toContain('founded in 1998');
  });

  it('keeps a column named as a sidebar when nothing beside it is the article', () => {
    const text = extract(page(`<div class="wrap"><div class="nav-column"><p>Home</p></div><div class="has-sidebar"><h1>Budget agreed</h1>${story}</div></div>`));
    expect(text).toContain('damaged by the floods');
  });
});
