import { describe, expect, it } from 'vitest';
import { loadPage as page, loadPageJson } from '../../../test/fixtures/pages/load-page.js';
import { extractArticle } from './extract-article.js';

const flat = (text: string) => text.replace(/\s+/g, ' ');

describe('extractArticle on real pages', () => {
  it('keeps the article of a news page and leaves out its furniture', () => {
    const article = extractArticle({
      html: page('independent-penalty'),
      url: 'https://www.independent.co.uk/news/uk/politics/coronavirus-false-reporting-contact-fine-penalty-b671230.html',
    });
    const text = flat(article.text);
    expect(text).toContain('Anyone falsely naming an antagonist as a coronavirus contact');
    expect(text).toContain('But it is understood that the ban on giving');
    expect(text).toContain('New fines for failure to self-isolate, starting');
    expect(text).not.toContain('Code of conduct and complaints');
    expect(text).not.toContain('Popular videos');
    expect(text).not.toContain('Share your thoughts and debate the big issues');
    expect(article.title).toBe('Coronavirus: £1,000 fine for falsely reporting a contact to force them to self-isolate');
    expect(article.byline).toBe('Andrew Woodcock');
    expect(article.published?.slice(0, 10)).toBe('2020-09-28');
    expect(article.lang).toBe('en');
    expect(article.dir).toBe('ltr');
    expect(article.credits).toEqual([]);
  });

  it('ends the article where related posts begin, on a German page', () => {
    const article = extractArticle({
      html: page('jagd-oesterreich-parkplaetze'),
      url: 'https://www.jagd-oesterreich.at/2021/12/14/noe-jagdverband-auf-natur-wildtier-beduerfnisse-achten/',
    });
    const text = flat(article.text);
    for (const expected of ['Ruhe, Äsung und Deckung.', 'Immer auf (Forst-)Straßen oder', 'Parkverbote missachten und auf Forst-']) {
      expect(text).toContain(expected);
    }
    for (const furniture of ['Ähnliche Beiträge', 'Folgen Sie uns:']) expect(text).not.toContain(furniture);
    expect(article.published?.slice(0, 10)).toBe('2021-12-14');
    expect(article.lang?.startsWith('de')).toBe(true);
  });

  it('reads the metadata Readability expects of the BBC page, keeping the stated offset', () => {
    const expected = loadPageJson<Record<string, string>>('bbc-1.expected-metadata.json');
    const article = extractArticle({ html: page('bbc-1'), url: 'http://www.bbc.com/news/world-us-canada-33646704' });
    expect(article.title).toBe(expected.title);
    expect(article.siteName).toBe(expected.siteName);
    expect(article.published).toBe(expected.publishedTime);
    expect(article.description).toBe(expected.excerpt);
    expect(article.text.split('\n\n').length).toBeGreaterThan(10);
    expect(article.text).not.toMatch(/<\/?[a-z]+[ >]/);
  });

  it('gives lazy-loaded images their real source in the HTML', () => {
    const article = extractArticle({ html: page('lazy-image-1'), url: 'https://medium.com/voodoo-engineering/node-js-and-cpu-profiling' });
    expect(article.html).toMatch(/<img [^>]*src="https:\/\/miro\.medium\.com\/[^"]+"/);
    expect(article.html).not.toMatch(/src="data:image\/(gif|svg)/);
  });
});
