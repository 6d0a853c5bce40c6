import { describe, expect, it } from 'vitest';
import { asParagraphs as paragraphs, councilStory as sentences, extractText as extract, newsPage } from '../../../../test/support/news-pages.js';
import { extractArticle } from '../extract-article.js';

const article = (inner: string) => newsPage(`<article><h1>Budget agreed</h1>${inner}</article>`);

describe('article edges', () => {
  it('cuts the article where an invitation to comment begins', () => {
    const text = extract(
      article(paragraphs(sentences) + '<h3>Schreibe einen Kommentar</h3><p>Deine E-Mail-Adresse wird nicht veröffentlicht, bitte sei freundlich zu anderen.</p>'),
    );
    expect(text).toContain(sentences[3]);
    expect(text).not.toContain('Schreibe einen Kommentar');
    expect(text).not.toContain('wird nicht veröffentlicht');
  });

  it.each(['Weiterlesen:', 'Keep Reading', 'Lesetipps', 'Más noticias de Colombia', 'Autor', 'Audios und Videos zum Thema'])('ends the article at a "%s" heading over links to other posts', (heading) => {
    const teasers = '<p><a href="/blog/route-66">A road trip along Route 66</a></p><p><a href="/blog/autumn">An autumn weekend in the hills</a></p>';
    const closing = '<p>Our guide to the region is updated every season by the travel desk.</p>';
    const text = extract(article(`${paragraphs(sentences)}<h2>${heading}</h2>${teasers}${closing}`));
    expect(text).toContain(sentences[3]);
    expect(text).not.toContain('Route 66');
  });

  it('reads Japanese text without the readings its ruby annotations gloss it with', () => {
    const glossed = '<p><ruby>子<rp>(</rp><rt>こ</rt><rp>)</rp></ruby>どもへの<ruby>虐待<rt>ぎゃくたい</rt></ruby>をなくすための<ruby>法律<rt>ほうりつ</rt></ruby>ができました。</p>';
    const text = extractArticle({
      html: `<!doctype html><html lang="ja"><body><article>${glossed.repeat(6)}</article></body></html>`,
      url: 'https://news.example/jp',
    }).text;
    expect(text).toContain('子どもへの虐待をなくすための法律ができました。');
    expect(text).not.toContain('ぎゃくたい');
  });

  it('writes words without soft hyphens or zero-width spaces, in composed Unicode', () => {
    const hyphenated = sentences.map((s) => s.replace('council', 'coun&shy;cil').replace('budget', 'bud\u200bget'));
    const decomposed = '<p>Cafe\u0301 owners in the old town welcomed the plan and asked for one lane of the harbour road to stay open.</p>';
    const text = extract(article(paragraphs(hyphenated) + decomposed));
    expect(text).toContain(sentences[0]);
    expect(text).toContain('Caf\u00e9 owners');
    expect(text).not.toMatch(/[\u00ad\u200b]/);
  });

  it('cuts the comments under a short post that the whole page was read for', () => {
    const post =
      '<div class="news"><h2>Site update: reading sample 14</h2><div class="date">24 March 2004, 19:49 | Genesis</div>' +
      '<p>Chapter 121 is online now. As always, the pictures are in the gallery. <strong>Links:</strong><br><a href="/gallery/121/">Volume 14 / Chapter 121</a></p></div>';
    const comments =
      '<div class="titlebar">Comments</div><div style="padding-top: 10px"><h3>#1 Comment by Naru</h3>26 March 2004, 16:19<p>Thanks for this chapter, Genesis!</p></div>' +
      '<div class="titlebar">Write a comment</div>';
    const text = extract(`<!doctype html><html lang="en"><body><div id="main"><div class="titlebar">News archive</div>${post}${comments}</div></body></html>`);
    expect(text).toContain('Chapter 121 is online now.');
    expect(text).not.toContain('Thanks for this chapter');
  });

  it('drops the dateline under the headline and keeps a subheading that names years', () => {
    const text = extract(article(`<div>23.10.2018</div><h2>1968 to today: the city's bridges</h2>${paragraphs(sentences)}`));
    expect(text).not.toContain('23.10.2018');
    expect(text).toContain('1968 to today');
    const later = extract(article(`<p>Thursday, 31 May 2012</p><p>From 1968 to today</p>${paragraphs(sentences)}`));
    expect(later).not.toContain('31 May 2012');
    expect(later).toContain('From 1968 to today');
  });

  it('keeps words inside a sentence whatever their class: a dateline, a linked keyword', () => {
    const first = '<p><span class="dateline">KOBE – </span>A total of 6,000 surgical masks were sent to the city of Wuhan by the council on Tuesday.</p>';
    const linked = '<p>Residents can keep fit outdoors: <span class="keyword"><a href="/themen/sport">Fitnesstraining an der frischen Luft</a></span> is offered in the park every morning.</p>';
    const text = extract(article(first + linked + paragraphs(sentences)));
    expect(text).toContain('KOBE – A total of 6,000 surgical masks');
    expect(text).toContain('keep fit outdoors: Fitnesstraining an der frischen Luft is offered');
  });

  it('keeps a subheading and a link of a post written as text between line breaks', () => {
    const post =
      `<div class="entry">${sentences.slice(0, 2).join('<br><br>')}<br><br><h2>Structure and content</h2>` +
      `A look at the table of contents (<a href="/toc.pdf">PDF</a>) shows that few questions stay open.<br><br>${sentences.slice(2).join('<br><br>')}</div>`;
    const text = extract(article(post));
    expect(text).toContain('Structure and content');
    expect(text).toContain('(PDF) shows that few questions stay open.');
    expect(text).toContain(sentences[3]);
  });

  it('leaves out a comment form inside the article', () => {
    const text = extract(
      article(
        paragraphs(sentences) +
          '<form><label>E-Mail (wird benötigt)</label><p>Mit dem Absenden stimmst du unseren Regeln für Kommentare auf dieser Seite zu.</p></form>',
      ),
    );
    expect(text).toContain(sentences[3]);
    expect(text).not.toContain('Mit dem Absenden');
  });

  it('keeps a page whose whole content sits inside one form', () => {
    const html = `<!doctype html><html lang="en"><head><title>Budget agreed</title></head><body><form id="aspnetForm"><div>${paragraphs(sentences)}</div></form></body></html>`;
    expect(extract(html)).toContain(sentences[2]);
  });

  it('drops one-line pointers to other articles written as "Weiterlesen:" or "Lea también:"', () => {
    const text = extract(
      article(
        paragraphs(sentences.slice(0, 2)) +
          '<p>Weiterlesen: Neue Brücke am Hafen eröffnet</p><p>Lea también: El alcalde presenta su plan</p>' +
          paragraphs(sentences.slice(2)),
      ),
    );
    expect(text).toContain(sentences[1]);
    expect(text).toContain(sentences[2]);
    expect(text).not.toContain('Neue Brücke am Hafen');
    expect(text).not.toContain('El alcalde presenta');
  });

  it('keeps a caption written as a sentence of the story and drops a photo credit', () => {
    const caption =
      'Workers inspect the old harbour bridge on Monday morning, one of the twelve bridges that the council now plans to repair before the storms of the next winter arrive and close the road to the port again.';
    const text = extract(
      article(
        paragraphs(sentences.slice(0, 2)) +
          `<figure><img src="/bridge.jpg" alt=""><figcaption>${caption}</figcaption></figure>` +
          '<figure><img src="/mayor.jpg" alt=""><figcaption>Photo: Jane Roe / Agency</figcaption></figure>' +
          paragraphs(sentences.slice(2)),
      ),
    );
    expect(text).toContain(caption);
    expect(text).not.toContain('Jane Roe');
  });

  it('drops a back link and a credit line before the text starts', () => {
    const html = `<!doctype html><html lang="en"><body><article><div>Back to the newsroom</div><div>Judy Eddy/Agency</div>${paragraphs(sentences)}</article></body></html>`;
    const text = extract(html);
    expect(text).toContain(sentences[0]);
    expect(text).not.toContain('Back to the newsroom');
    expect(text).not.toContain('Judy Eddy');
  });

  it('drops a table of contents heading before the text and cuts at sources and related coverage after it', () => {
    const text = extract(
      article('<h2>Inhaltsverzeichnis</h2>' + paragraphs(sentences) + '<h3>Quellenangaben:</h3><p>City council minutes of the session on the budget, published by the clerk.</p>'),
    );
    expect(text).toContain(sentences[3]);
    expect(text).not.toContain('Inhaltsverzeichnis');
    expect(text).not.toContain('Quellenangaben');
    expect(text).not.toContain('minutes of the session');
    const related = extract(article(paragraphs(sentences) + '<h3>Related Coverage</h3><p>Harbour works start in June and the quay road closes for three months.</p>'));
    expect(related).not.toContain('Harbour works');
  });

  it('drops a caption that ends with its picture\'s credit', () => {
    const caption = 'The mayor presents the plan to residents in the town hall on Monday evening. (Foto: Jane Roe)';
    const text = extract(article(paragraphs(sentences.slice(0, 2)) + `<div class="pic"><p>${caption}</p></div>` + paragraphs(sentences.slice(2))));
    expect(text).toContain(sentences[3]);
    expect(text).not.toContain('town hall');
  });

  it('keeps the only block of a page even when it is a short fragment', () => {
    const html = '<!doctype html><html lang="en"><body><article><div>Gold for Berlin on the 1500 metres</div></article></body></html>';
    expect(extract(html)).toBe('Gold for Berlin on the 1500 metres');
  });

  it('keeps the text after a reading tip inside the story, and still cuts at one that ends it', () => {
    const later =
      'Work on the first two bridges starts in March, and the council expects both of them to reopen to traffic before the summer holidays begin in the middle of July.';
    const tip = '<p>Read also:</p><div><a href="/floods">How the floods damaged the bridges</a></div>';
    const inside = extract(article(paragraphs(sentences) + tip + `<p>${later}</p>`));
    expect(inside).toContain(later);
    expect(inside).not.toContain('How the floods damaged');
    const teasers = '<p>Read also:</p><div class="list"><div><a href="/floods">How the floods damaged the bridges</a></div><div><a href="/schools">Schools wait</a></div></div>';
    expect(extract(article(paragraphs(sentences) + teasers))).not.toContain('Schools wait');
  });
});
