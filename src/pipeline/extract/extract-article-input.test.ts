import { describe, expect, it } from 'vitest';
import { NewsdeskError } from '../../platform/errors.js';
import { extractArticle } from './extract-article.js';
import { ArticleTextRefused } from './text-refused.js';

const prose = (n: number, sentence = 'The council met on Tuesday evening to discuss the budget for the coming year, and the debate ran late.') =>
  Array.from({ length: n }, (_, i) => `<p>${sentence} Paragraph ${i + 1} adds its own detail about the decision.</p>`).join('\n');

const newsPage = (body: string, head = '') => `<!doctype html><html lang="en"><head><title>Council budget | Example News</title>${head}</head>
<body><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article><h1>Council budget</h1>${body}</article>
<footer><a href="/imprint">Imprint</a> <a href="/privacy">Privacy</a></footer></body></html>`;

function errorCode(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return error instanceof NewsdeskError ? error.code : 'not a NewsdeskError';
  }
  return undefined;
}

describe('extractArticle: sanitised HTML', () => {
  it('drops scripts, handlers and javascript: links, resolves lazy images and makes addresses absolute', () => {
    const html = newsPage(`${prose(4)}
      <p>See <a href="/report.pdf">the report</a> and <a href="javascript:alert(1)">this</a>.</p>
      <p><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-src="/img/council.jpg" alt="Council" onerror="alert(1)"></p>
      <p onclick="steal()">Clicking here does nothing <script>alert(1)</script> at all, the paragraph stays as text.</p>
      <iframe src="https://evil.example/"></iframe><form action="/x"><input name="q"></form><style>p{}</style>`);
    const article = extractArticle({ html, url: 'https://news.example.org/2024/05/02/council-budget' });
    expect(article.html).not.toMatch(/<script|onerror|onclick|javascript:|<iframe|<form|<input|<style/i);
    expect(article.html).toContain('href="https://news.example.org/report.pdf"');
    expect(article.html).toContain('src="https://news.example.org/img/council.jpg"');
    expect(article.text).toContain('Clicking here does nothing at all');
    expect(article.text).not.toContain('alert');
    expect(article.text).not.toContain('Imprint');
    expect(article.published).toBe('2024-05-02');
  });

  it('keeps headings and list items as their own paragraphs', () => {
    const html = newsPage(`${prose(3)}<h2>What changes</h2><ul><li>Bus fares rise by ten percent</li><li>Libraries open on Sundays</li></ul>${prose(2)}`);
    const paragraphs = extractArticle({ html }).text.split('\n\n');
    expect(paragraphs).toContain('What changes');
    expect(paragraphs).toContain('Bus fares rise by ten percent');
    expect(paragraphs).toContain('Libraries open on Sundays');
  });
});

describe('extractArticle: language and direction', () => {
  it('gives rtl for an Arabic page even when the template declares English', () => {
    const sentence = 'قال رئيس الوزراء إن الحكومة ستعلن عن خطة جديدة لدعم الاقتصاد الوطني وتوفير فرص العمل للشباب في جميع المحافظات.';
    const html = newsPage(prose(5, sentence));
    const article = extractArticle({ html });
    expect(article.lang).toBe('ar');
    expect(article.dir).toBe('rtl');
  });

  it('decodes a windows-1256 page named by its meta charset', () => {
    const sentence = 'أعلنت وزارة الصحة اليوم عن افتتاح مستشفى جديد في العاصمة لخدمة آلاف المرضى من مختلف المناطق.';
    const text = `<html><head><meta charset="windows-1256"></head><body><article>${prose(4, sentence)}</article></body></html>`;
    const bytes = encodeWindows1256(text);
    const article = extractArticle({ html: bytes });
    expect(article.text).toContain('أعلنت وزارة الصحة');
    expect(article.dir).toBe('rtl');
  });

  it('reads a UTF-8 page that still declares its old charset, in the header or in the page, as UTF-8', () => {
    const sentence = '腾讯科技讯 人工智能迈上新台阶，新电脑已可利用记忆自学，研究人员表示这是重要的一步。';
    const text = `<html><head><meta charset="gb2312"><title>人工智能迈上新台阶</title></head><body><article>${prose(4, sentence)}</article></body></html>`;
    const bytes = Buffer.from(text, 'utf8');
    expect(extractArticle({ html: bytes }).title).toBe('人工智能迈上新台阶');
    expect(extractArticle({ html: bytes, contentType: 'text/html; charset=iso-8859-1' }).text).toContain('人工智能迈上新台阶');
  });
});

describe('extractArticle: bad input gives a clear code', () => {
  it('refuses what is not HTML', () => {
    expect(errorCode(() => extractArticle({ html: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) }))).toBe('EXTRACT_NOT_HTML');
    expect(errorCode(() => extractArticle({ html: '<?xml version="1.0"?><rss version="2.0"><channel></channel></rss>' }))).toBe('EXTRACT_NOT_HTML');
    expect(errorCode(() => extractArticle({ html: newsPage(prose(3)), contentType: 'application/pdf' }))).toBe('EXTRACT_NOT_HTML');
    expect(errorCode(() => extractArticle({ html: 'just some words, no markup at all' }))).toBe('EXTRACT_NOT_HTML');
  });

  it('answers EXTRACT_EMPTY for an empty page and for a page that is only a paywall', () => {
    expect(errorCode(() => extractArticle({ html: '' }))).toBe('EXTRACT_EMPTY');
    expect(errorCode(() => extractArticle({ html: '<html><body><div></div></body></html>' }))).toBe('EXTRACT_EMPTY');
    const wall = '<html><body><div class="paywall"><p>Subscribe to continue reading.</p><a href="/login">Log in</a></div></body></html>';
    expect(errorCode(() => extractArticle({ html: wall }))).toBe('EXTRACT_EMPTY');
  });

  it('reads a JSON-LD articleBody escaped twice, without the ad code left in it', () => {
    const paragraph = (n: number) => `The council met on Tuesday evening to discuss the budget for the coming year; paragraph ${n} adds its own detail about the decision and its cost.`;
    const escaped = [1, 2, 3].map((n) => `&lt;p class=&quot;texto&quot;&gt;${paragraph(n).replace(';', ' &amp;')}&lt;/p&gt;`).join('');
    const body = `${escaped}\nif (document.cookie.indexOf('CF') == -1) {\ngoogletag.cmd.push(function() { googletag.display('ad-1'); });\n}\n&lt;p&gt;Caf&amp;eacute; owners welcomed the plan for the har&amp;shy;bour.&lt;/p&gt;`;
    const jsonLd = JSON.stringify({ '@type': 'NewsArticle', headline: 'Council budget', articleBody: body });
    const text = extractArticle({ html: newsPage('<p>A short teaser of the story.</p>', `<script type="application/ld+json">${jsonLd}</script>`) }).text;
    expect(text).toContain('The council met on Tuesday evening to discuss the budget for the coming year & paragraph 2 adds');
    expect(text).toContain('Café owners welcomed the plan for the harbour.');
    expect(text).not.toMatch(/&lt;|&amp;|googletag|document\.cookie|^\}$/m);
  });

  it("keeps the metadata of a page it refuses as only a paywall", () => {
    const head =
      '<meta property="og:title" content="Council agrees the budget"><meta property="og:image" content="/img/council.jpg">' +
      '<meta property="article:published_time" content="2026-03-04T18:30:00+01:00"><link rel="canonical" href="https://news.example/budget">';
    const wall = `<html lang="en"><head>${head}</head><body><div class="paywall"><p>Subscribe to continue reading.</p></div></body></html>`;
    let refused: unknown;
    try {
      extractArticle({ html: wall, url: 'https://news.example/budget?ref=feed' });
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(ArticleTextRefused);
    expect((refused as ArticleTextRefused).code).toBe('EXTRACT_EMPTY');
    expect((refused as ArticleTextRefused).page).toMatchObject({
      title: 'Council agrees the budget',
      published: '2026-03-04T18:30:00+01:00',
      canonicalUrl: 'https://news.example/budget',
      image: 'https://news.example/img/council.jpg',
      lang: 'en',
    });
  });

  it('refuses a page over the size limit and one nested too deeply, quickly', () => {
    const started = Date.now();
    expect(errorCode(() => extractArticle({ html: newsPage(prose(2000)), limits: { maxBytes: 100_000 } }))).toBe('EXTRACT_TOO_LARGE');
    const deep = `<html><body>${'<div>'.repeat(20_000)}text${'</div>'.repeat(20_000)}</body></html>`;
    expect(errorCode(() => extractArticle({ html: deep }))).toBe('EXTRACT_TOO_COMPLEX');
    // Unclosed scripts run to the end of the page, as in browsers: no quadratic rescanning.
    const unclosed = newsPage(prose(5)) + '<script>x'.repeat(100_000);
    expect(extractArticle({ html: unclosed }).text).toContain('Paragraph 5');
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('extracts a page written on one endless line', () => {
    const html = newsPage(prose(3000)).replace(/\n/g, ' ');
    expect(extractArticle({ html }).text.split('\n\n').length).toBeGreaterThan(2000);
  });
});

/** Arabic letters to windows-1256 bytes, enough for the test sentences (Node's TextEncoder only writes UTF-8). */
function encodeWindows1256(text: string): Uint8Array {
  const table = new Map<string, number>();
  const decoder = new TextDecoder('windows-1256');
  for (let b = 0x80; b <= 0xff; b++) table.set(decoder.decode(new Uint8Array([b])), b);
  return new Uint8Array([...text].map((c) => (c.charCodeAt(0) < 0x80 ? c.charCodeAt(0) : (table.get(c) ?? 0x3f))));
}

describe('extractArticle: a head the page never closes', () => {
  it('reads the article that follows an unclosed <head> and keeps the metadata written in it', () => {
    const html = `<html><head><title>Council budget | Example News</title><meta name="author" content="Jane Roe">
      <div class="container"><article><h1>Council budget</h1>${prose(4)}</article></div></html>`;
    const article = extractArticle({ html, url: 'https://news.example.org/2024/05/02/council-budget' });
    expect(article.text).toContain('Paragraph 4 adds its own detail');
    expect(article.byline).toBe('Jane Roe');
  });

  it('leaves a page whose head holds only head elements as it is', () => {
    const article = extractArticle({ html: newsPage(prose(3), '<meta name="author" content="Jane Roe">'), url: 'https://news.example.org/a' });
    expect(article.text).toContain('Paragraph 3 adds its own detail');
    expect(article.text).not.toContain('Imprint');
  });
});
