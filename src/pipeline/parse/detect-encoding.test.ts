import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { loadFeedFixture } from '../../../test/fixtures/feeds/load-fixture.js';
import { decodeFeedBytes } from './detect-encoding.js';
import { parseFeed } from './parse-feed.js';

const arabicFeed = (declaration: string) =>
  `<?xml version="1.0"${declaration}?><rss version="2.0"><channel><title>أخبار اليوم</title><item><title>وزير الخارجية يلتقي نظيره في الرياض لبحث العلاقات الثنائية</title></item></channel></rss>`;
const russianFeed =
  '<rss version="2.0"><channel><title>Новости дня</title><item><title>Министр иностранных дел встретился с коллегой в Москве</title></item></channel></rss>';

describe('decodeFeedBytes', () => {
  it('follows a byte order mark, and sniffs UTF-16 and UTF-32 without one', () => {
    expect(decodeFeedBytes(loadFeedFixture('feedparser/utf-16le-bom.xml')).encoding).toBe('utf-16le');
    expect(decodeFeedBytes(loadFeedFixture('feedparser/utf-32le-bom.xml')).encoding).toBe('utf-32le');
    const sniffed = decodeFeedBytes(loadFeedFixture('feedparser/utf-16be-autodetect.xml'));
    expect(sniffed.encoding).toBe('utf-16be');
    expect(sniffed.text).toContain('<rss');
  });

  it('reads the encoding from the XML declaration (KOI8-R, windows-1251)', () => {
    const koi8 = decodeFeedBytes(loadFeedFixture('miniflux/koi8r.xml'));
    expect(koi8.encoding).toBe('koi8-r');
    expect(koi8.text).toContain('Привет мир! Ёжик, чай, Москва, Санкт-Петербург.');
    expect(parseFeed(loadFeedFixture('miniflux/encoding_WINDOWS-1251.xml')).items[0]!.title).toMatch(
      /[а-яА-Я]/,
    );
  });

  it('prefers the HTTP charset to the XML declaration (RFC 7303)', () => {
    const body = iconv.encode(
      '<?xml version="1.0" encoding="windows-1252"?><rss><channel><title>Café</title></channel></rss>',
      'koi8-r',
    );
    expect(decodeFeedBytes(body, 'application/rss+xml; charset="KOI8-R"').encoding).toBe('koi8-r');
    expect(decodeFeedBytes(body, "text/xml;charset='koi8-r'").encoding).toBe('koi8-r');
  });

  it('sees through declarations that lie: UTF-8 bytes declared Latin-1 or windows-1252', () => {
    expect(decodeFeedBytes(loadFeedFixture('miniflux/utf8-incorrect-prolog.xml')).text).toContain('Café');
    expect(decodeFeedBytes(loadFeedFixture('miniflux/windows-1252-incorrect-prolog.xml')).text).toContain(
      'Euro €',
    );
    expect(decodeFeedBytes(loadFeedFixture('miniflux/invalid-prolog.xml')).text).toContain('Café');
  });

  it('detects undeclared Latin-1, windows-1256 and windows-1251 and says so', () => {
    const latin = parseFeed(loadFeedFixture('miniflux/no_encoding_ISO-8859-1.xml'));
    expect(latin.title).toContain('psychologie');
    expect(latin.items.some((i) => /[éèàç]/.test(i.title ?? ''))).toBe(true);
    expect(latin.recovered).toBe(true);

    const arabic = decodeFeedBytes(iconv.encode(arabicFeed(''), 'windows-1256'));
    expect(arabic.encoding).toBe('windows-1256');
    expect(arabic.text).toContain('وزير الخارجية');
    expect(arabic.issues.join()).toMatch(/not UTF-8/);

    const russian = decodeFeedBytes(iconv.encode(russianFeed, 'windows-1251'));
    expect(russian.encoding).toBe('windows-1251');
    expect(russian.text).toContain('Министр иностранных дел');
  });

  it('corrects a Latin-1 label on Arabic windows-1256 text', () => {
    const decoded = decodeFeedBytes(iconv.encode(arabicFeed(' encoding="ISO-8859-1"'), 'windows-1256'));
    expect(decoded.encoding).toBe('windows-1256');
    expect(decoded.text).toContain('أخبار اليوم');
  });

  it('turns C1 control characters into the windows-1252 punctuation they stood for', () => {
    expect(
      decodeFeedBytes(Buffer.from('<rss><channel><title>don\u0092t</title></channel></rss>', 'utf8')).text,
    ).toContain('don’t');
  });

  it('keeps French text declared Latin-1 as Latin-1', () => {
    const body = iconv.encode(
      '<?xml version="1.0" encoding="ISO-8859-1"?><rss><channel><title>Élève très âgé à l’école, déjà</title></channel></rss>',
      'latin1',
    );
    const decoded = decodeFeedBytes(body);
    expect(decoded.encoding).toBe('iso-8859-1');
    expect(decoded.text).toContain('Élève très âgé');
    expect(decoded.issues).toEqual([]);
  });
});
