import { describe, expect, it } from 'vitest';
import { asideTest, textOutsideAsides } from './page-regions.js';
import { parseDocument } from '../input/dom.js';

describe('regions whose dates are not the article’s', () => {
  it('leaves comments, sidebars and navigation out of the text', () => {
    const doc = parseDocument(`<html><body>
      <nav><a href="/">Home</a> 01.01.2020</nav>
      <article><h1>Budget agreed</h1><p>Published 12.03.2019</p></article>
      <ol class="commentlist"><li>Anna, 14.03.2019: well said</li></ol>
      <div class="sidebar-widget">Most read 20.03.2019</div>
    </body></html>`);
    const text = textOutsideAsides(doc.body!, 10_000);
    expect(text).toContain('12.03.2019');
    expect(text).not.toContain('01.01.2020');
    expect(text).not.toContain('14.03.2019');
    expect(text).not.toContain('20.03.2019');
  });

  it('keeps a wrapper that holds the headline, and an <aside> inside the article', () => {
    const doc = parseDocument(`<html><body><div id="navigation-container">
      <article><h1>Budget agreed</h1><aside class="meta"><dl><dt>Datum</dt><dd>12.01.2017</dd></dl></aside></article>
    </div><div class="has-sidebar"><p>Seen 13.01.2017</p></div></body></html>`);
    const text = textOutsideAsides(doc.body!, 10_000);
    expect(text).toContain('12.01.2017');
    expect(text).toContain('13.01.2017');
  });

  it('tells an element inside a comment from one in the article', () => {
    const doc = parseDocument(`<html><body><article><h1>T</h1><time id="a">x</time></article>
      <div id="comments"><div class="comment-author"><time id="b">y</time></div></div></body></html>`);
    const inside = asideTest();
    expect(inside(doc.querySelector('#a')!)).toBe(false);
    expect(inside(doc.querySelector('#b')!)).toBe(true);
  });
});
