import { describe, expect, it } from 'vitest';
import { loadFeedFixture } from '../../../test/fixtures/feeds/load-fixture.js';
import { parseFeed } from './parse-feed.js';

const parse = (xml: string) => parseFeed(Buffer.from(xml, 'utf8'));
const rss = (item: string, head = '') =>
  `${head}<rss version="2.0"><channel><title>News</title><item>${item}</item></channel></rss>`;

describe('recovering ill-formed feeds', () => {
  it('marks a well-formed feed as not recovered', () => {
    const feed = parse(rss('<title>Fine &amp; dandy</title><link>https://a.example/1</link>'));
    expect(feed.recovered).toBe(false);
    expect(feed.warnings).toEqual([]);
    expect(feed.items[0]!.title).toBe('Fine & dandy');
  });

  it('keeps a bare & and marks the feed', () => {
    const feed = parse(rss('<title>Q&A: rates & prices</title><link>https://a.example/?a=1&b=2</link>'));
    expect(feed.items[0]).toMatchObject({ title: 'Q&A: rates & prices', link: 'https://a.example/?a=1&b=2' });
    expect(feed.recovered).toBe(true);
    expect(feed.warnings!.join()).toMatch(/bare "&"/);
  });

  it('does not split an escaped ampersand in a link', () => {
    expect(
      parseFeed(loadFeedFixture('feedparser/rss_item_link_corrupted_ampersands.xml')).items[0]!.link,
    ).toBe('http://link/get?a=1&b=2');
  });

  it('decodes undeclared HTML entities and marks the feed', () => {
    const feed = parseFeed(loadFeedFixture('feedparser/eacute.xml'));
    expect(feed.title).toBe('testing é entity');
    expect(feed.recovered).toBe(true);
  });

  it('keeps entities it cannot know literally', () => {
    expect(parse(rss('<title>a &madeup; b</title>')).items[0]!.title).toBe('a &madeup; b');
  });

  it('reads HTML written into a title as its text, and into a description as HTML', () => {
    const feed = parse(
      rss(
        '<title>Breaking: <b>storm</b> hits <i>coast</i></title><description><p>First <br> line</p></description>',
      ),
    );
    expect(feed.items[0]!.title).toBe('Breaking: storm hits coast');
    expect(feed.items[0]!.summary).toBe('<p>First <br> line</p>');
  });

  it('reads as much as there is of a truncated document', () => {
    const feed = parse(
      rss('<title>One</title></item><item><title>Two</title><description>cut he').slice(0, -30),
    );
    expect(feed.items.map((i) => i.title)).toEqual(['One', 'Two']);
    expect(feed.recovered).toBe(true);
    const cdata = parseFeed(loadFeedFixture('feedparser/rss_incomplete_cdata.xml'));
    expect(cdata.title).toBe('can feedparser read this xml');
    expect(cdata.recovered).toBe(true);
  });

  it('closes an item left open when the next one starts, and ignores stray end tags', () => {
    const feed = parse(
      rss('<title>A</title><link>https://a.example/</link></span>').replace(
        '</item>',
        '<item><title>B</title></item>',
      ),
    );
    expect(feed.items.map((i) => i.title)).toEqual(['A', 'B']);
    expect(feed.recovered).toBe(true);
  });

  it('bounds entity expansion (billion laughs) and never resolves external entities', () => {
    const lol = ['<!ENTITY lol0 "lollollollollollollollollollol">'];
    for (let i = 1; i < 10; i++) lol.push(`<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`);
    const started = Date.now();
    const feed = parse(rss('<title>&lol9;</title>', `<?xml version="1.0"?><!DOCTYPE rss [${lol.join('')}]>`));
    expect(Date.now() - started).toBeLessThan(2000);
    expect(feed.items[0]!.title!.length).toBeLessThan(5_000_000);
    expect(feed.warnings!.join()).toMatch(/expansion limit/);

    const external = parse(
      rss('<title>&secret;</title>', '<!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>'),
    );
    expect(external.items[0]!.title).toBe('&secret;');
    expect(external.warnings!.join()).toMatch(/external entity ignored/);
  });

  it('uses entities the document declares', () => {
    expect(
      parse(rss('<title>&brand; news</title>', '<!DOCTYPE rss [<!ENTITY brand "Newsdesk">]>')).items[0]!
        .title,
    ).toBe('Newsdesk news');
  });
});

describe('hostile input', () => {
  it('survives deep nesting and long markup-like titles quickly', () => {
    const started = Date.now();
    const deep = parse(rss(`<title>deep</title><description>${'<div>'.repeat(100_000)}x</description>`));
    expect(deep.items[0]!.title).toBe('deep');
    expect(deep.recovered).toBe(true);
    const title = parse(
      rss(`<title>${'&lt;a "'.repeat(50_000)}</title><pubDate>${'1 '.repeat(100_000)}</pubDate>`),
    );
    expect(title.items[0]!.published).toBeNull();
    expect(Date.now() - started).toBeLessThan(3000);
  });
});

describe('noise around the feed', () => {
  it('finds the feed after an error message the server printed first', () => {
    const feed = parse(
      `<br />\n<b>Warning</b>:  date(): It is not safe to rely on the system's timezone settings in <b>/var/www/feed.php</b> on line <b>3</b><br />\n<?xml version="1.0"?>${rss('<title>Still here</title>')}`,
    );
    expect(feed.items[0]!.title).toBe('Still here');
    expect(feed.recovered).toBe(true);
  });
});
