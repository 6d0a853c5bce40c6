import { describe, expect, it } from 'vitest';
import { asParagraphs, councilStory, extractText as extract, newsPage } from '../../../../test/support/news-pages.js';

const sentences = [
  ...councilStory,
  'Residents of the northern districts, where two bridges have been closed since January, welcomed the decision.',
  'The budget also sets aside money for a study of flood defences along the river, due to be published next year.',
];
const paragraphs = asParagraphs(sentences);
const bio =
  'Jane Doe has covered the city council for twelve years and writes about transport, housing and the budget. Before that she reported on courts and schools for two regional papers and a radio station.';
const page = (inner: string) => newsPage(`<article><h1>Budget agreed</h1>${inner}</article>`);

describe('boxes about the author', () => {
  it('drops a biography box after the story', () => {
    const text = extract(page(`${paragraphs}<div class="author"><p>${bio}</p></div>`));
    expect(text).toContain(sentences[3]);
    expect(text).not.toContain('covered the city council');
  });

  it('keeps a block named after the author at the top of the story and a post wrapper named after its author', () => {
    const top = extract(page(`<div class="author"><p>${bio}</p></div>${paragraphs}`));
    expect(top).toContain('covered the city council');
    const wrapped = extract(page(`<div class="post author-jane">${paragraphs}</div>`));
    expect(wrapped).toContain(sentences[3]);
  });
});
