import { describe, expect, it } from 'vitest';
import { asParagraphs, councilStory, extractText as extract, newsPage as page } from '../../../../test/support/news-pages.js';

const story = asParagraphs(councilStory.slice(0, 2));
const widget = asParagraphs([
  'City News was founded in 1998 by a group of local reporters who wanted to cover the council more closely.',
  'It is published by a non-profit association and relies on its members and readers for most of its money.',
  'Our editors answer letters every Friday, and every reader can suggest a subject for a longer report.',
]);

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
