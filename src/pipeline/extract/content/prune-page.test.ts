import { describe, expect, it } from 'vitest';
import { asParagraphs, councilStory, extractText as extract, newsPage as page } from '../../../../test/support/news-pages.js';

const story = asParagraphs(councilStory);

describe('page furniture', () => {
  it('drops teasers that link to other articles and keeps the article\'s own teaser', () => {
    const own = 'Roads and bridges come first in a budget that leaves schools waiting for another year.';
    const other =
      '<div class="teaser"><h3><a href="/harbour">Harbour works start in June</a></h3><p>The harbour road will be closed for three months while the quay is rebuilt.</p></div>';
    const text = extract(page(`<article><h1>Budget agreed</h1><div class="teaser-text"><p>${own}</p></div>${story}${other}</article>`));
    expect(text).toContain(own);
    expect(text).toContain('work on the first bridges');
    expect(text).not.toContain('Harbour works');
    expect(text).not.toContain('quay is rebuilt');
  });

  it('keeps an article header whose lead is a heading, and drops the site header', () => {
    const lead = 'Roads and bridges come first in a budget that leaves the schools waiting for another year';
    const site = '<header><a href="/">City News</a><a href="/politics">Politics</a><a href="/sport">Sport</a></header>';
    const text = extract(page(`${site}<div><header><h1>Budget agreed</h1><h2>${lead}</h2></header><div class="col">${story}</div></div>`));
    expect(text).toContain(lead);
    expect(text).not.toContain('Politics');
  });

  it('reads a class word that names furniture and a body at once as furniture', () => {
    const paragraphs = story.split('</p>');
    const related =
      '<div class="related_post"><p>Harbour works: the quay is to be rebuilt over three months from June.</p>' +
      '<p>Night buses: two new lines for the northern districts start next week.</p></div>';
    const text = extract(page(`<article>${paragraphs.slice(0, 2).join('</p>')}</p>${related}${paragraphs.slice(2).join('</p>')}</article>`));
    expect(text).toContain('work on the first bridges');
    expect(text).not.toContain('Harbour works');
  });

  it('keeps text that a page builder wraps in blocks it calls widgets', () => {
    const block = (inner: string) => `<div class="elementor-widget elementor-widget-text-editor"><div class="elementor-widget-container">${inner}</div></div>`;
    const extra =
      'Asked about the schools, the mayor said a second plan for them would follow in the autumn, once the cost of the bridges is known. The opposition said it would hold him to that promise.';
    const sidebar = '<div class="sidebar"><p>Our most read stories of the week, chosen by the readers of the city pages.</p></div>';
    const text = extract(page(`<div class="wrap">${block(story)}${block(`<p>${extra}</p>`)}</div>${sidebar}`));
    expect(text).toContain(extra);
    expect(text).not.toContain('most read');
  });

  it('drops a consent notice that holds most of a short post\'s prose, and keeps a recipe named after cookies', () => {
    const post = '<div class="post"><p>We walked along the frozen river at dawn and counted forty swans on the ice.</p></div>';
    const notice =
      '<div class="widget widget_eu_cookie_law_widget"><form>Privacy &amp; Cookies: This site uses cookies. By continuing to use this website, you agree to their use. To find out more, including how to control cookies, see here: <a href="/cookies">Cookie Policy</a></form></div>';
    const text = extract(page(`<h1>Swans</h1>${post}${notice}`));
    expect(text).toContain('forty swans');
    expect(text).not.toContain('This site uses cookies');
    const recipe =
      '<div class="cookie-recipe"><p>Cream the butter with the sugar, then fold in the flour and the chocolate. Bake the cookies for twelve minutes until golden at the edges. Let them cool on a rack before you store them in a tin.</p></div>';
    expect(extract(page(`<h1>Chocolate cookies</h1>${recipe}`))).toContain('Bake the cookies for twelve minutes');
  });

  it('drops a long consent dialog that lists every cookie it sets, shown as a dialog or hidden until asked', () => {
    const cookie = (name: string) =>
      `<div class="item"><p>Name ${name}</p><p>Purpose: stores the visitor's choices for the ${name} cookie across visits, as described in our cookie policy for this website.</p><p>Cookie lifetime one year</p></div>`;
    const settings = `<p>Wir nutzen Cookies auf unserer Website. Einige von ihnen sind essenziell, während andere uns helfen, diese Website zu verbessern.</p>${['consent', 'analytics', 'tag-manager', 'video', 'maps', 'social'].map(cookie).join('')}`;
    for (const box of [`<div id="VendorCookieBox" role="dialog">${settings}</div>`, `<div id="VendorCookieBox"><div style="display: none">${settings}</div></div>`]) {
      const text = extract(page(`<h1>Budget agreed</h1><div class="post">${asParagraphs(councilStory.slice(0, 2))}</div>${box}`));
      expect(text).toContain('repairing roads and bridges');
      expect(text).not.toContain('Wir nutzen Cookies');
      expect(text).not.toContain('Cookie lifetime');
    }
  });

  it("keeps a subheading whose id is an anchor made from its words, and drops a comments heading named so", () => {
    const paragraphs = story.split('</p>');
    const subheading = '<h3 class="subheading" id="nav_only_the_foil_stays">Only the foil stays behind</h3>';
    const comments = '<h2 id="comments-title">12 replies to this post</h2><div class="comment-list"><p>Great read, thanks.</p></div>';
    const text = extract(page(`<article><h1>Budget agreed</h1>${paragraphs.slice(0, 2).join('</p>')}</p>${subheading}${paragraphs.slice(2).join('</p>')}${comments}</article>`));
    expect(text).toContain('Only the foil stays behind');
    expect(text).not.toContain('12 replies');
  });

  it('keeps blocks named for the print layout and drops the print button', () => {
    const steps = '<div class="step print-full"><p>Grease the bottom of the tin, then heat the oven to 180 degrees before you mix the dough for the base.</p></div>';
    const button = '<div class="print"><a href="/print">Print this page</a></div>';
    const text = extract(page(`<article><h1>Budget agreed</h1>${story}${steps}${button}</article>`));
    expect(text).toContain('Grease the bottom of the tin');
    expect(text).not.toContain('Print this page');
  });
});
