import { describe, expect, it } from 'vitest';
import { stripMarkup } from './strip-markup.js';

describe('stripMarkup', () => {
  it('drops scripts and styles whatever the letter case of their end tags', () => {
    const { html } = stripMarkup(
      '<p>one</p><SCRIPT>var a = "<p>x</p>";</SCRIPT><p>two</p><Style>p{}</sTyLe><p>three</p><script>b()</Script><p>four</p>',
    );
    expect(html).toBe('<p>one</p><p>two</p><p>three</p><p>four</p>');
  });

  it('keeps JSON-LD blocks and runs an unclosed script to the end of the page', () => {
    const { html, jsonLd } = stripMarkup(
      '<p>a</p><script type="application/ld+json">{"@type":"NewsArticle"}</script><p>b</p><script>never closed <p>c</p>',
    );
    expect(jsonLd).toEqual(['{"@type":"NewsArticle"}']);
    expect(html).toBe('<p>a</p><p>b</p>');
  });

  it('reads a client-side template as markup, with its own escaped scripts taken out', () => {
    const template =
      '<script type="text/html"><div><img src="a.jpg"><script>show()<\\/script></div></script>';
    const { html } = stripMarkup(`<div>${template}</div><article><p>The story.</p></article>`);
    expect(html).toBe(
      '<div><div><div><img src="a.jpg"></div></div></div><article><p>The story.</p></article>',
    );
  });

  it('drops a template that holds an encoded embed rather than markup', () => {
    const blob = Buffer.from(
      '<div class="instagram-embed"><blockquote>post</blockquote></div>'.repeat(3),
    ).toString('base64');
    const { html } = stripMarkup(
      `<div class="blocked"><script type="text/template">${blob}</script></div><p>after</p>`,
    );
    expect(html).toBe('<div class="blocked"></div><p>after</p>');
  });

  it("drops a widget's template that holds logic for the page's code to run", () => {
    const template = '<script type="text/template"><% _.each(items, function(item) { %><li><%= item.name %></li><% }); %></script>';
    expect(stripMarkup(`<ul>${template}</ul><p>after</p>`).html).toBe('<ul></ul><p>after</p>');
    expect(stripMarkup('<script type="text/x-template"><div>{{> slidePicture }}</div></script><p>after</p>').html).toBe('<p>after</p>');
  });

  it('drops a template inside a template rather than reading it', () => {
    const { html } = stripMarkup(
      '<script type="text/html"><p>outer</p><script type="text/html"><p>inner</p><\\/script></script><p>after</p>',
    );
    expect(html).toBe('<div><p>outer</p></div><p>after</p>');
  });

  it('drops navigation but keeps a <nav> holding the headline, byline or date, and the navigation inside it', () => {
    const menu =
      '<nav class="menu"><ul><li><a href="/">Home</a></li><li><nav><a href="/world">World</a></nav></li></ul></nav>';
    const breadcrumbs =
      '<nav class="breadcrumb"><a href="/">Home</a><h1>The headline</h1><nav><a href="/x">x</a></nav></nav>';
    const byline = '<nav class="post-by">By <span itemprop="author">A. Writer</span></nav>';
    const { html } = stripMarkup(
      `${menu}<p>one</p>${breadcrumbs}<p>two</p>${byline}<navigation-bar>kept</navigation-bar>`,
    );
    expect(html).toBe(`<p>one</p>${breadcrumbs}<p>two</p>${byline}<navigation-bar>kept</navigation-bar>`);
  });

  it('stays linear on a page of many scripts', () => {
    const page = '<p>text</p>'.repeat(2000) + '<script>x()</script><p>between</p>'.repeat(20_000);
    const started = Date.now();
    const { html } = stripMarkup(page);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(html.match(/between/g)).toHaveLength(20_000);
  });
});
