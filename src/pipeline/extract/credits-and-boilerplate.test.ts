import { describe, expect, it } from 'vitest';
import { learnBoilerplate, paragraphFingerprint } from './content/boilerplate.js';
import { extractArticle } from './extract-article.js';

const body = [
  'The two sides exchanged accusations of starting new clashes, the fiercest fighting since the ceasefire in 1994.',
  'Russia offered to host negotiations aimed at ending the fighting in the region, officials said on Friday.',
  'The European Union called on both governments to return to talks without preconditions and to protect civilians.',
  'Aid agencies said thousands of families had left their homes in the past week and needed shelter and food.',
];
const closing = (headline: string) =>
  `These were the details of the news ${headline} for this day. We hope that we have succeeded by giving you the full details and information. To follow all our news, you can subscribe to the alerts system.`;
const attribution =
  'It is also worth noting that the original news has been published and is available at eg24.news and the editorial team at the site has confirmed it and it has been modified.';

const page = (headline: string, paragraphs: string[]) =>
  `<html lang="en"><head><title>${headline}</title></head><body><article><h1>${headline}</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;

describe('credits', () => {
  it('names a wire service from the dateline, a Source line and a canonical on another site', () => {
    const html = page('Talks resume', [`MOSCOW (Reuters) - ${body[0]}`, ...body.slice(1), 'Source: Reuters'])
      .replace('<head>', '<head><link rel="canonical" href="https://www.reuters.com/world/talks-resume">');
    const article = extractArticle({ html, url: 'https://aggregator.example/2020/10/talks-resume' });
    expect(article.credits).toEqual(
      expect.arrayContaining([
        { kind: 'wire-dateline', name: 'Reuters', url: null },
        { kind: 'source-line', name: 'Reuters', url: null },
        { kind: 'canonical', name: 'reuters.com', url: 'https://www.reuters.com/world/talks-resume' },
      ]),
    );
  });

  it('leaves a closing "Quelle:" line out of the text and keeps it as a credit', () => {
    const html = page('Talks resume', [...body, 'Quelle: Deutscher Jagdverband (DJV), 02. Februar 2022, Berlin']);
    const article = extractArticle({ html, url: 'https://aggregator.example/2022/02/talks-resume' });
    expect(article.text).toContain(body[3]);
    expect(article.text).not.toContain('Quelle:');
    expect(article.credits.map((c) => c.name)).toContain('Deutscher Jagdverband (DJV), 02. Februar 2022, Berlin');
  });

  it('gives no credit to a page that is its own canonical', () => {
    const html = page('Local news', body).replace('<head>', '<head><link rel="canonical" href="https://www.example.org/local">');
    expect(extractArticle({ html, url: 'https://example.org/local?utm_source=feed' }).credits).toEqual([]);
  });
});

describe('site boilerplate', () => {
  it('learns closing paragraphs that repeat with the headline changing inside them', () => {
    const headlines = ['Fighting resumes in the region', 'Ceasefire talks stall again', 'Aid convoy reaches the city', 'Parliament debates new law'];
    const pages = headlines.map((h, i) => [body[i]!, closing(h), attribution]);
    const learned = learnBoilerplate(pages);
    expect(learned.has(paragraphFingerprint(closing('A headline never seen before')))).toBe(true);
    expect(learned.has(paragraphFingerprint(attribution))).toBe(true);
    expect(learned.has(paragraphFingerprint(body[0]!))).toBe(false);
  });

  it('removes known boilerplate paragraphs from text and HTML, keeping their attribution in credits', () => {
    const headline = 'Amnesty accuses army of using cluster bombs';
    const html = page(headline, [...body, closing(headline), attribution]);
    const boilerplate = { paragraphs: [paragraphFingerprint(closing('Another headline')), paragraphFingerprint(attribution)] };
    const article = extractArticle({ html, url: 'https://www.alkhaleej.example/news/1', boilerplate });
    expect(article.text).toContain(body[3]);
    expect(article.text).not.toContain('These were the details of the news');
    expect(article.text).not.toContain('It is also worth noting');
    expect(article.html).not.toContain('These were the details of the news');
    expect(article.credits).toContainEqual({ kind: 'originally-published', name: 'eg24.news', url: 'https://eg24.news/' });
  });
});
