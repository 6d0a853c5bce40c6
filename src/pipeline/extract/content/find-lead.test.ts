import { describe, expect, it } from 'vitest';
import { extractArticle } from '../extract-article.js';

const body = [
  'The city council agreed the new budget on Tuesday evening after a debate that lasted more than four hours.',
  'Most of the extra money goes to repairing roads and bridges that were damaged by the floods last winter.',
  'The opposition said the plan leaves too little for schools and announced it would propose changes next month.',
  'The mayor said the council had listened to residents and that work on the first bridges would start in spring.',
]
  .map((s) => `<p>${s}</p>`)
  .join('');
const lead = 'Roads and bridges come first in a budget that leaves schools waiting.';
const tools = ['Share on Facebook', 'Share on Twitter', 'Send by email', 'Print this page'].map((t) => `<li><a href="/x">${t}</a></li>`).join('');
const page = (inner: string) =>
  `<!doctype html><html lang="en"><head><title>Budget agreed</title></head><body><div class="site"><div class="wrap">${inner}</div></div><footer>Contact us</footer></body></html>`;
const extract = (html: string) => extractArticle({ html, url: 'https://news.example/city/budget' }).text;

describe('the lead before the body', () => {
  it('keeps the standfirst in the header above the article body', () => {
    const text = extract(page(`<div class="head"><h1>Budget agreed</h1><div>12 May</div><p class="intro">${lead}</p><ul>${tools}</ul></div><div class="body">${body}</div>`));
    expect(text).toContain(lead);
    expect(text.indexOf(lead)).toBeLessThan(text.indexOf('The city council'));
  });

  it('passes over a picture and its caption between the lead and the body', () => {
    const picture = '<div class="img"><img src="/a.jpg"><p class="caption">The bridge at Mill Street. Photo: City archive</p></div>';
    expect(extract(page(`<ul>${tools}</ul><div class="teaser-text"><p>${lead}</p></div>${picture}<div class="text">${body}</div>`))).toContain(lead);
  });

  it('finds the standfirst above a body nested in many wrappers, and keeps a block clipped by "overflow-hidden"', () => {
    let nested = `<div class="text">${body}</div>`;
    for (let i = 0; i < 6; i++) nested = `<div class="portlet-${i}">${nested}</div>`;
    const intro = `<div class="page-intro relative overflow-hidden"><h1>Budget agreed</h1><div class="intro-copy">${lead}</div></div>`;
    const text = extract(page(`${intro}<div class="columns">${nested}</div>`));
    expect(text).toContain(lead);
    expect(text.indexOf(lead)).toBeLessThan(text.indexOf('The city council'));
  });

  it('finds the standfirst the page states as its description, in a hero block away from the body', () => {
    const standfirst = 'Roads and bridges come first in a budget that leaves the schools of the city waiting for another year.';
    const hero = `<div class="hero"><h1>Budget agreed</h1><h2 class="deck">${standfirst}</h2></div>`;
    const note = '<div class="note"><p>Our live coverage of the council session ran from noon on Tuesday.</p></div>';
    const links = `<div class="more">${Array.from({ length: 12 }, (_, i) => `<div><a href="/s/${i}">Another story about the city, number ${i}</a></div>`).join('')}</div>`;
    const html = `<!doctype html><html lang="en"><head><title>Budget agreed</title><meta name="description" content="${standfirst}"></head>
      <body><div class="site">${hero}<div class="wrap">${note}${links}<div class="cols"><div class="text">${body}</div></div></div></div></body></html>`;
    const text = extract(html);
    expect(text).toContain(standfirst);
    expect(text.indexOf(standfirst)).toBeLessThan(text.indexOf('The city council'));
    expect(text).not.toContain('Another story');
  });

  it('takes no caption for a lead', () => {
    const caption = 'The bridge at Mill Street was closed for most of the winter. Foto: City archive';
    expect(extract(page(`<div class="legend">${caption}</div><div class="text">${body}</div>`))).not.toContain('Mill Street');
  });
});
