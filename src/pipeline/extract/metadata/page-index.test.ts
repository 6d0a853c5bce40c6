import { describe, expect, it } from 'vitest';
import { parseDocument, type DomElement } from '../input/dom.js';
import { indexPage } from './page-index.js';

const page = `<!doctype html><html><head>
  <title>First</title><title>Second</title><base href="/b/"><meta name="a" content="1"><link rel="Canonical" href="/c">
  <link rel="image_src" href="/i.jpg"><meta property="og:title" content="T">
</head><body class="page">
  <header id="top"><h2>Site</h2><a rel="author" href="/me">Me</a></header>
  <article><h1>Headline</h1>
    <div itemprop="author"><span itemprop="name">Ann</span></div>
    <time datetime="2020-01-02">2 January</time><time>3 January</time>
    <span itemprop="datePublished" content="2020-01-02">Jan 2</span><span itemprop="datePublished">Jan 2</span>
    <abbr class="published" title="2020-01-02">Jan 2</abbr><abbr class="date">no title</abbr><abbr class="x date" title="t">d</abbr>
    <p class="lead">Text</p>
  </article>
</body></html>`;

const ids = (elements: DomElement[]) => elements.map((e) => e.outerHTML);

describe('page index', () => {
  const document = parseDocument(page);
  const index = indexPage(document);
  const all = (selector: string) => Array.from(document.querySelectorAll(selector));

  it('finds what the selectors metadata used to run find, in document order', () => {
    expect(ids(index.metas)).toEqual(ids(all('meta')));
    expect(ids(index.headings)).toEqual(ids(all('h1, h2')));
    expect(ids(index.times)).toEqual(ids(all('time')));
    expect(ids(index.machineTimes)).toEqual(ids(all('time[datetime], [itemprop="datePublished"][content]')));
    expect(ids(index.datePublished)).toEqual(ids(all('[itemprop="datePublished"]')));
    expect(ids(index.dateAbbrs)).toEqual(ids(all('abbr.published, abbr[title].date')));
    expect(ids(index.named)).toEqual(ids(Array.from(document.body!.querySelectorAll('[class],[id]'))));
  });

  it('keeps the first of the single elements, matching rel values in any case', () => {
    expect(index.title?.textContent).toBe('First');
    expect(index.base?.getAttribute('href')).toBe('/b/');
    expect(index.canonical?.getAttribute('href')).toBe('/c');
    expect(index.imageSrc?.getAttribute('href')).toBe('/i.jpg');
    expect(index.markedAuthor?.textContent).toBe('Me');
  });

  it('takes an itemprop author before a later rel="author"', () => {
    const other = indexPage(parseDocument('<body><div itemprop="author"><span itemprop="name">Ann</span></div><a rel="author">Me</a></body>'));
    expect(other.markedAuthor?.textContent).toBe('Ann');
  });
});
