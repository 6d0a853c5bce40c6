import { describe, expect, it } from 'vitest';
import { loadFeedFixture } from '../../../test/fixtures/feeds/load-fixture.js';
import { NewsdeskError } from '../../platform/errors.js';
import { parseFeed } from './parse-feed.js';

const bytes = (text: string) => Buffer.from(text, 'utf8');

describe('parseFeed: formats', () => {
  it('reads RSS 2.0 with iTunes, content:encoded and Atom links', () => {
    const feed = parseFeed(loadFeedFixture('rss-parser/narro.rss'));
    expect(feed).toMatchObject({
      title: 'foobar on Narro',
      link: 'http://on.narro.co/f',
      language: 'en',
      format: 'rss2.0',
      ttl: 20,
    });
    expect(feed.self).toBe('http://on.narro.co/f');
    expect(feed.image).toBe('https://www.narro.co/images/narro-icon-lg.png');
    const item = feed.items[0]!;
    expect(item.link).toMatch(/^https:\/\/www\.narro\.co\/article\//);
    expect(item.enclosures[0]).toMatchObject({ type: 'audio/mpeg' });
    expect(item.published).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });

  it('reads RSS 0.92 enclosures and categories', () => {
    const feed = parseFeed(loadFeedFixture('rss-parser/heraldsun.rss'));
    expect(feed.format).toBe('rss0.92');
    expect(feed.language).toBe('en-gb');
    expect(feed.items).toHaveLength(2);
    expect(feed.items[0]!.enclosures).toEqual([
      { url: 'http://www.oreilly.com/001.mp3', type: 'audio/mpeg', length: 54321 },
    ]);
    expect(feed.items[0]!.categories).toEqual(['Business/Industries/Publishing/Publishers/Nonfiction/']);
  });

  it('reads RSS 0.90 (RDF) items that sit beside the channel', () => {
    const feed = parseFeed(loadFeedFixture('miniflux/rdf_UTF8.xml'));
    expect(feed.format).toBe('rss0.90');
    expect(feed.title).toBe('heise online News');
    expect(feed.items.length).toBeGreaterThan(50);
    expect(feed.items[0]!.title).toBe('OLED-TVs: Vorsichtsmaßnahmen gegen Einbrennen');
  });

  it('reads Atom 1.0 and resolves relative links against the feed address', () => {
    const feed = parseFeed(loadFeedFixture('rss-parser/gulp-atom.atom'), {
      url: 'https://github.com/gulpjs/gulp/releases.atom',
    });
    expect(feed).toMatchObject({
      title: 'Release notes from gulp',
      link: 'https://github.com/gulpjs/gulp/releases',
      language: 'en-US',
      format: 'atom1.0',
    });
    const entry = feed.items[0]!;
    expect(entry.link).toBe('https://github.com/gulpjs/gulp/releases/tag/v3.9.0');
    expect(entry.updated).toBe('2015-06-01T21:49:41.000Z');
    expect(entry.content).toBe('<p>3.9.0</p>');
    expect(entry.authors).toEqual(['contra']);
    expect(entry.image).toBe('https://avatars3.githubusercontent.com/u/425716?v=3&s=60');
  });

  it('applies xml:base to links inside XHTML content', () => {
    const feed = parseFeed(loadFeedFixture('feedparser/entry_content_xml_base_inherit_2.xml'));
    expect(feed.format).toBe('atom0.3');
    expect(feed.items[0]!.content).toContain('href="http://example.com/test/test.html"');
  });

  it('decodes Atom content whose type is neither text nor XML as Base64 (RFC 4287 §4.1.3.3)', () => {
    expect(parseFeed(loadFeedFixture('feedparser/entry_content_base64.xml')).items[0]!.content).toBe(
      'Example <b>Atom</b>',
    );
  });

  it('unwraps the XHTML div of Atom xhtml text and keeps its markup escaped correctly', () => {
    const xml = `<feed xmlns="http://www.w3.org/2005/Atom"><entry><title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">A &lt;tag&gt; <b>bold</b></div></title>
      <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>x &amp; y</p></div></content></entry></feed>`;
    const entry = parseFeed(bytes(xml)).items[0]!;
    expect(entry.title).toBe('A <tag> bold');
    expect(entry.content).toBe('<p>x &amp; y</p>');
  });

  it('reads JSON Feed 1.0 and 1.1', () => {
    const feed = parseFeed(loadFeedFixture('feedparser/example.json'));
    expect(feed).toMatchObject({ title: 'My Example Feed', link: 'https://example.org/', format: 'json1.0' });
    expect(feed.items.map((i) => i.guid)).toEqual(['2', '1']);
    expect(feed.items[0]!.enclosures).toEqual([
      { url: 'https://example.org/second-item-show.mp4', type: 'video/mp4', length: 12000000 },
    ]);
    expect(feed.items[1]!.authors).toEqual(['you']);
    const v11 = parseFeed(
      bytes(
        JSON.stringify({
          version: 'https://jsonfeed.org/version/1.1',
          title: 'T',
          language: 'ar',
          items: [
            { id: 1, url: '/a', date_published: '2024-05-01T10:00:00+03:00', authors: [{ name: 'سارة' }] },
          ],
        }),
      ),
      { url: 'https://news.example/feed.json' },
    );
    expect(v11).toMatchObject({ format: 'json1.1', language: 'ar' });
    expect(v11.items[0]).toMatchObject({
      guid: '1',
      link: 'https://news.example/a',
      published: '2024-05-01T07:00:00.000Z',
      authors: ['سارة'],
    });
  });

  it('keeps right-to-left text intact', () => {
    const feed = parseFeed(loadFeedFixture('miniflux/urdu_UTF8.xml'));
    expect(feed.language).toBe('ur');
    expect(feed.title).toContain('اردو');
    expect(feed.items[0]!.published).toBe('2018-01-05T16:51:00.000Z');
  });

  it('reads Dublin Core, Media RSS and WebSub hints in RSS', () => {
    const xml = `<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/" xmlns:atom="http://www.w3.org/2005/Atom">
      <channel><title>T</title><atom:link rel="hub" href="https://hub.example/"/><skipHours><hour>1</hour><hour>2</hour></skipHours><skipDays><day>Sunday</day></skipDays>
      <item><title>A</title><dc:creator>Lina</dc:creator><dc:creator>Omar</dc:creator><dc:date>2024-02-03T04:05:06+01:00</dc:date><dc:subject>Politics</dc:subject>
      <media:content url="https://cdn.example/v.mp4" type="video/mp4" fileSize="99"/><media:thumbnail url="https://cdn.example/t.jpg"/></item></channel></rss>`;
    const feed = parseFeed(bytes(xml));
    expect(feed).toMatchObject({ hub: 'https://hub.example/', skipHours: [1, 2], skipDays: ['Sunday'] });
    expect(feed.items[0]).toMatchObject({
      authors: ['Lina', 'Omar'],
      published: '2024-02-03T03:05:06.000Z',
      categories: ['Politics'],
      enclosures: [{ url: 'https://cdn.example/v.mp4', type: 'video/mp4', length: 99 }],
      image: 'https://cdn.example/t.jpg',
    });
  });
});

describe('parseFeed: not a feed', () => {
  const code = (body: string) => {
    try {
      parseFeed(bytes(body));
      return 'parsed';
    } catch (error) {
      return error instanceof NewsdeskError ? error.code : 'other error';
    }
  };

  it('refuses empty documents, HTML pages, other XML and other JSON with FEED_MALFORMED', () => {
    expect(code('')).toBe('FEED_MALFORMED');
    expect(code('   \n')).toBe('FEED_MALFORMED');
    expect(code('<!DOCTYPE html><html><head><title>x</title></head><body></body></html>')).toBe(
      'FEED_MALFORMED',
    );
    expect(code('<?xml version="1.0"?><urlset/>')).toBe('FEED_MALFORMED');
    expect(code('{"hello": "world"}')).toBe('FEED_MALFORMED');
    expect(code('{not json')).toBe('FEED_MALFORMED');
    expect(code('just some text')).toBe('FEED_MALFORMED');
  });

  it('says what the document was', () => {
    expect(() => parseFeed(bytes('<html><body>hi</body></html>'))).toThrow(/HTML page/);
  });
});
