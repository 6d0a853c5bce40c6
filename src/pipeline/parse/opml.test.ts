import { describe, expect, it } from 'vitest';
import { loadOpmlFixture as fixture, opmlFixtureNames } from '../../../test/fixtures/opml/load-opml.js';
import { parseOpml, type OpmlFeed } from './opml.js';
import { writeOpml } from './write-opml.js';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('parseOpml', () => {
  it('reads feeds nested under a category outline, RTL titles included', () => {
    const opml = parseOpml(fixture('iran-with-category.opml'));
    expect(opml.title).toBe('Export from Plenary');
    expect(opml.feeds).toHaveLength(7);
    expect(opml.invalid).toEqual([]);
    expect(opml.feeds.every((f) => f.category === 'Iran')).toBe(true);
    expect(opml.feeds[1]).toEqual({
      url: 'https://www.tabnak.ir/fa/rss/allnews',
      title: 'تابناک | TABNAK',
      siteUrl: null,
      category: 'Iran',
    });
  });

  it('reads a flat list without categories', () => {
    const opml = parseOpml(fixture('Myanmar (Burma).opml'));
    expect(opml.feeds.map((f) => f.url)).toEqual([
      'http://myanmargazette.net/feed',
      'http://www.dvb.no/feed',
      'http://www.thithtoolwin.com/feeds/posts/default',
    ]);
    expect(opml.feeds.every((f) => f.category === null)).toBe(true);
  });

  it('recovers a feed whose outline is broken by unescaped HTML in an attribute, keeping the outlines after it in place', () => {
    const opml = parseOpml(fixture('Business & Economy.opml'));
    expect(opml.feeds).toHaveLength(16);
    expect(opml.feeds.every((f) => f.category === 'Business & Economy')).toBe(true);
    const index = opml.feeds.findIndex((f) => f.url === 'https://feeds.npr.org/510313/podcast.xml');
    expect(opml.feeds[index]?.title).toBe('How I Built This with Guy Raz');
    expect(opml.feeds[index + 1]?.title).toBe('Startup Stories - Mixergy');
  });

  it('reads every fixture list: each feed an absolute http(s) address, no list empty', () => {
    for (const name of opmlFixtureNames()) {
      const opml = parseOpml(fixture(name));
      expect(opml.feeds.length, name).toBeGreaterThan(0);
      for (const feed of opml.feeds) expect(feed.url, name).toMatch(/^https?:\/\/[^\s]+$/);
    }
  });

  it('keeps nested folders as a path, reads attributes in any case, and reports what it cannot follow', () => {
    const opml = parseOpml(
      utf8(`<?xml version="1.0"?><opml version="2.0"><head><title>Desk &amp; co</title></head><body>
        <outline text="News"><outline text="World">
          <outline type="rss" text="Wire" xmlurl="https://wire.example/rss" HTMLURL="https://wire.example/"/>
          <outline type="rss" text="Wire again" xmlUrl="https://wire.example/rss"/>
        </outline></outline>
        <outline type="rss" text="Podcast" xmlUrl="feed://pod.example/feed" category="/Audio/Talk,/Other"/>
        <outline type="rss" text="Mail" xmlUrl="mailto:desk@example.org"/>
        <outline type="rss" text="Nowhere"/>
        <outline text="Empty folder"/>
      </body></opml>`),
    );
    expect(opml.title).toBe('Desk & co');
    expect(opml.feeds).toEqual([
      {
        url: 'https://wire.example/rss',
        title: 'Wire',
        siteUrl: 'https://wire.example/',
        category: 'News / World',
      },
      { url: 'http://pod.example/feed', title: 'Podcast', siteUrl: null, category: 'Audio / Talk' },
    ]);
    expect(opml.repeated).toBe(1);
    expect(opml.invalid.map((e) => e.title)).toEqual(['Mail', 'Nowhere']);
  });

  it('refuses a document that is not OPML', () => {
    expect(() => parseOpml(utf8('<rss version="2.0"><channel/></rss>'))).toThrow(/not OPML/);
    expect(() => parseOpml(utf8('plain text'))).toThrow(expect.objectContaining({ code: 'INPUT_INVALID' }));
  });
});

describe('writeOpml', () => {
  it('writes OPML 2.0 that reads back to the same feeds and folders, with hostile text escaped', () => {
    const feeds: OpmlFeed[] = [
      {
        url: 'https://a.example/feed?x=1&y=2',
        title: 'A "quoted" <feed>',
        siteUrl: 'https://a.example/',
        category: 'News / World',
      },
      { url: 'https://b.example/rss', title: 'أخبار', siteUrl: null, category: 'News' },
      { url: 'https://c.example/atom', title: null, siteUrl: null, category: null },
    ];
    const text = writeOpml(feeds, { title: 'Newsdesk sources', dateCreated: new Date(Date.UTC(2024, 0, 2)) });
    expect(text).toContain('<opml version="2.0">');
    expect(text).toContain('<dateCreated>Tue, 02 Jan 2024 00:00:00 GMT</dateCreated>');
    const back = parseOpml(utf8(text));
    expect(back.feeds).toEqual(
      expect.arrayContaining([...feeds.slice(0, 2), { ...feeds[2], title: 'https://c.example/atom' }]),
    );
    expect(back.feeds).toHaveLength(3);
    expect(back.invalid).toEqual([]);
  });
});
