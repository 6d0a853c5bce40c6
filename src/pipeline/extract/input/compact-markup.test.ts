import { describe, expect, it } from 'vitest';
import { compactMarkup } from './compact-markup.js';
import { parseDocument } from './dom.js';
import { stripMarkup } from './strip-markup.js';

describe('compactMarkup', () => {
  it('drops unread attributes and keeps those the extractor reads', () => {
    const html = compactMarkup('<img src="a.jpg" data-src="b.jpg" data-track="x" loading="lazy" onclick="f()" style="width:3px" alt="A">');
    expect(html).toBe('<img src="a.jpg" data-src="b.jpg" alt="A">');
    expect(compactMarkup('<div style="display: none" aria-label="x" aria-hidden="true">t</div>')).toBe('<div style="display: none" aria-hidden="true">t</div>');
  });

  it('keeps the first of repeated attributes, as the parser does, and never glues names to the tag', () => {
    expect(compactMarkup('<div style="color: red" id="a" style="display:none">t</div>')).toBe('<div id="a">t</div>');
    expect(compactMarkup('<td style="x;  align="left" width="50%">t</td>')).toBe('<td left" width="50%">t</td>');
  });

  it('carries whitespace between tags onto the next text, except into preformatted text', () => {
    expect(compactMarkup('<div>\n  <p>one</p>\n  <p>two</p>\n</div>')).toBe('<div><p> one</p><p> two</p></div>');
    expect(compactMarkup('<p>a</p>\n<pre>\n  code\n</pre>')).toBe('<p>a</p> <pre>\n  code\n</pre>');
  });

  it('leaves raw text and tags it cannot read as they are', () => {
    expect(compactMarkup('<textarea> <b onclick="x">t</b> </textarea>')).toBe('<textarea> <b onclick="x">t</b> </textarea>');
    expect(compactMarkup('<a title="open>text</a>')).toBe('<a title="open>text</a>');
  });

  it('writes character references in text as characters, one text node per run, but never makes markup', () => {
    expect(compactMarkup('<p>It&#8217;s&nbsp;Tom &amp; Jerry&#x27;s &lt;b&gt; &#60;i&#62; &#38;amp; &copy; &notanentity; &copy</p>')).toBe('<p>It’s\u00a0Tom &amp; Jerry\'s &lt;b> &#60;i> &#38;amp; © &notanentity; &copy</p>');
    expect(compactMarkup('<a title="a&#8217;b">x</a><script>"&#8217;"</script>')).toBe('<a title="a&#8217;b">x</a><script>"&#8217;"</script>');
    const document = parseDocument(compactMarkup('<p>It&#8217;s here</p>'));
    const paragraph = document.querySelector('p')!;
    expect(paragraph.firstChild?.nextSibling).toBeNull();
    expect(paragraph.textContent).toBe('It’s here');
  });

  it('estimates the deepest nesting on the way, without elements that close themselves', () => {
    const nesting = { depth: 0 };
    compactMarkup('<div><ul><li><a href="x"><img src="y"><br/><span/></a><li>two</ul></div><div><p>shallow</div>', nesting);
    expect(nesting.depth).toBe(3);
  });

  it('drops inputs and resource links but keeps canonical links', () => {
    expect(compactMarkup('<link rel="stylesheet" href="s.css"><link rel="canonical" href="/a"><input name="q">')).toBe('<link rel="canonical" href="/a">');
  });
});

describe('stripMarkup: textless elements', () => {
  it('drops icons, fallbacks and templates, nesting counted, and leaves an unclosed one to the parser', () => {
    expect(stripMarkup('<p>a</p><svg><svg><path/></svg><title>x</title></svg><noscript><img src=x></noscript><p>b</p>').html).toBe('<p>a</p><p>b</p>');
    expect(stripMarkup('<p>a</p><svg><path/><p>b</p>').html).toBe('<p>a</p><svg><path/><p>b</p>');
  });
});
