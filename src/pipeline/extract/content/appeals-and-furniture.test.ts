import { describe, expect, it } from 'vitest';
import { asParagraphs as paragraphs, councilStory as sentences, extractText as extract, newsPage as page } from '../../../../test/support/news-pages.js';

const longer = [
  'Engineers counted thirty bridges that need new foundations and said the oldest of them date from the years before the First World War.',
  'Shop owners in the old town welcomed the plan but asked the council to keep at least one lane of the harbour road open during the works.',
  'The budget also pays for two new buses on the night line, which residents of the northern districts have asked for since the station closed.',
];

describe('appeals to the reader and furniture inside the article', () => {
  it('drops subscription and follow-us appeals after the story', () => {
    const text = extract(
      page(
        `<article><h1>Budget agreed</h1>${paragraphs(sentences)}` +
          '<p>Subscribe now to our print edition for the full story.</p>' +
          '<p>For the latest news download the City News apps for iOS and Android.</p>' +
          '<p>Síguenos en Telegram, Instagram y Facebook para recibir nuestras actualizaciones.</p></article>',
      ),
    );
    expect(text).toContain(sentences[3]);
    expect(text).not.toContain('Subscribe now');
    expect(text).not.toContain('download the City News apps');
    expect(text).not.toContain('Síguenos');
  });

  it('drops the paywall prompt under the first paragraphs of a story', () => {
    const text = extract(
      page(
        `<article><h1>Budget agreed</h1>${paragraphs(sentences.slice(0, 2))}` +
          '<div class="paywall"><p>Möchten Sie weiterlesen?</p><p>Ja. Ich bin Abonnent.</p><p>Ja. Ich benötige ein Abo.</p></div></article>',
      ),
    );
    expect(text).toContain(sentences[1]);
    expect(text).not.toContain('weiterlesen');
    expect(text).not.toContain('Abonnent');
    expect(text).not.toContain('ein Abo');
  });

  it('drops cookie and privacy notices, donation appeals and rating prompts after the story', () => {
    const text = extract(
      page(
        `<article><h1>Budget agreed</h1>${paragraphs(sentences)}` +
          '<p>Wir respektieren deine Privatsphäre und nutzen nur notwendige Dienste.</p>' +
          '<p>Jede kleine Spende hilft uns, unabhängig zu berichten.</p>' +
          '<p>Valora esta noticia</p><p>We use cookies to improve your experience on this site.</p></article>',
      ),
    );
    expect(text).toContain(sentences[3]);
    expect(text).not.toContain('Privatsphäre');
    expect(text).not.toContain('Spende');
    expect(text).not.toContain('Valora');
    expect(text).not.toContain('cookies');
  });

  it("drops comment rules, content-blocker prompts and the software's error messages after the story", () => {
    const text = extract(
      page(
        `<article><h1>Budget agreed</h1>${paragraphs(sentences)}` +
          '<p>We ask that comments are civil and free of libellous or hateful material.</p>' +
          '<p>Klicken Sie auf den unteren Button, um den Inhalt von maps.example zu laden.</p>' +
          '<p>Warning: Creating default object from empty value in /www/wp-includes/class.php on line 12</p></article>',
      ),
    );
    expect(text).toContain(sentences[3]);
    expect(text).not.toContain('comments are civil');
    expect(text).not.toContain('Button');
    expect(text).not.toContain('Warning');
  });

  it('leaves out an embed a content blocker writes into the article as base64', () => {
    const blob = Buffer.from(
      '<div class="embedding-container"><iframe src="https://video.example/x"></iframe></div>'.repeat(2),
    ).toString('base64');
    const text = extract(
      page(
        `<article><h1>Budget agreed</h1>${paragraphs(sentences)}<div class="service-placeholder">${blob}</div>${paragraphs(longer)}</article>`,
      ),
    );
    expect(text).toContain(longer[2]);
    expect(text).not.toContain(blob.slice(0, 40));
  });

  it('drops advertising and affiliate disclosures and disclaimers wherever they stand, and keeps a story about commissions', () => {
    const disclosure = '<p>This post contains references to products from our advertisers. We may receive compensation when you click on links.</p>';
    const german = '<p>*Werbung. Dieser Beitrag enthält Werbung für eine Bademode-Marke.</p>';
    const story = '<p>The regulator said the bank must earn a commission only when its advice is independent.</p>';
    const disclaimer = '<p>Alle Angaben ohne Gewähr.</p>';
    const text = extract(page(`<article><h1>Budget agreed</h1>${disclosure}${german}${disclaimer}${story}${paragraphs(sentences)}</article>`));
    expect(text).not.toContain('ohne Gewähr');
    expect(text).toContain(sentences[0]);
    expect(text).toContain('must earn a commission');
    expect(text).not.toContain('our advertisers');
    expect(text).not.toContain('enthält Werbung');
  });

  it("leaves out template code the page left for its scripts", () => {
    const code = '<div class="form"><p><# if ( groups.length ) { #> <%= group.name %> <# } #></p><p>{{{shareButtons}}}</p></div>';
    const sample = '<pre>{{#each items}}<li>{{name}}</li>{{/each}}</pre>';
    const text = extract(page(`<article><h1>Budget agreed</h1>${paragraphs(sentences)}${code}${sample}${paragraphs(longer)}</article>`));
    expect(text).toContain(longer[2]);
    expect(text).not.toMatch(/<#|%>|shareButtons/);
    expect(text).toContain('{{#each items}}');
  });

  it('keeps a sentence of the story that mentions a newsletter', () => {
    const story =
      'The council will send residents a newsletter every month on how the repairs are going and which roads are closed.';
    const text = extract(
      page(`<article><h1>Budget agreed</h1><p>${story}</p>${paragraphs(sentences)}</article>`),
    );
    expect(text).toContain(story);
  });

  it('removes an author box inside a blog post wrapper named after its tags', () => {
    const bio =
      'Jane Roe writes about city politics and has covered the council for ten years. Before that she reported on schools and hospitals for the regional paper, and she teaches reporting at the university in the evenings.';
    const text = extract(
      page(
        '<div class="content"><article class="post-12 post type-post status-publish hentry tag-council tag-budget category-city">' +
          `<h1>Budget agreed</h1>${paragraphs(sentences)}${paragraphs(longer)}<div class="author-description"><p>${bio}</p></div></article></div>`,
      ),
    );
    expect(text).toContain(sentences[0]);
    expect(text).not.toContain('Jane Roe writes');
  });

  it('drops one-line pointers written in capitals, as Spanish-language sites do', () => {
    const text = extract(
      page(
        `<article><h1>Presupuesto</h1>${paragraphs(sentences.slice(0, 2))}<p>PUEDES VER: El alcalde presenta su plan para los puentes</p>` +
          `<p>VEA TAMBIÉN: Las lluvias dañan otra carretera</p>${paragraphs(sentences.slice(2))}</article>`,
      ),
    );
    expect(text).toContain(sentences[2]);
    expect(text).not.toContain('El alcalde presenta');
    expect(text).not.toContain('Las lluvias');
  });

  it('ends the article at a "Schon gelesen?" heading in its second half', () => {
    const text = extract(
      page(
        `<article><h1>Budget agreed</h1>${paragraphs(sentences)}<h3>Schon gelesen?</h3><p>Neue Brücke am Hafen eröffnet: der Bürgermeister feiert mit den Anwohnern und verspricht, dass die nächste Brücke im Herbst folgt.</p></article>`,
      ),
    );
    expect(text).toContain(sentences[3]);
    expect(text).not.toContain('Neue Brücke');
  });

  it("keeps the lead paragraph in the article's header and leaves out the site's header", () => {
    const lead =
      'After four hours of debate the council agreed a budget that puts most of the extra money into roads and bridges damaged by the floods.';
    const text = extract(
      page(
        '<header class="site-header"><a href="/">City News</a><p>Your city, every day</p><a href="/sport">Sport</a></header>' +
          `<main class="skip-main"><article><header class="article-header"><h1>Budget agreed</h1><p class="lead">${lead}</p></header>` +
          `<div class="article-body">${paragraphs([...sentences, ...longer, ...sentences, ...longer])}</div></article></main>`,
      ),
    );
    expect(text).toContain(lead);
    expect(text).toContain(sentences[0]);
    expect(text).not.toContain('Your city, every day');
  });

  it('keeps a Drupal field whose class only says its label is hidden', () => {
    const intro =
      'The council has agreed its budget for next year, and most of the extra money will go to the roads and bridges damaged by the floods.';
    const text = extract(
      page(
        `<article><h1>Budget agreed</h1><div class="field field-name-field-intro field-label-hidden"><p>${intro}</p></div>` +
          `<div class="field field-name-body">${paragraphs([...sentences, ...longer])}</div></article>`,
      ),
    );
    expect(text).toContain(intro);
    expect(text).toContain(longer[2]);
  });
});
