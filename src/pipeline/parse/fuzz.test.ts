import { describe, expect, it } from 'vitest';
import { loadFeedFixture } from '../../../test/fixtures/feeds/load-fixture.js';
import { NewsdeskError } from '../../platform/errors.js';
import { parseFeed } from './parse-feed.js';

/** A small seeded generator (mulberry32): the same mutations on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIXTURES = [
  'rss-parser/narro.rss',
  'rss-parser/heise.atom',
  'miniflux/rdf_UTF8.xml',
  'miniflux/encoding_WINDOWS-1251.xml',
  'feedparser/example.json',
  'feedparser/utf-16le-bom.xml',
];
const NASTY = [
  '<',
  '>',
  '&',
  '"',
  "'",
  '/',
  '<!--',
  ']]>',
  '<![CDATA[',
  '&#',
  '&#x110000;',
  '<!DOCTYPE x [<!ENTITY a "&a;">]>',
  '\u0000',
  '\ufffd',
  'xmlns:a=""',
  '</',
  '{',
  '}',
  '\\',
];

function mutate(bytes: Buffer, next: () => number): Buffer {
  const at = () => Math.floor(next() * bytes.length);
  switch (Math.floor(next() * 5)) {
    case 0:
      return bytes.subarray(0, at());
    case 1: {
      const i = at();
      return Buffer.concat([
        bytes.subarray(0, i),
        Buffer.from(NASTY[Math.floor(next() * NASTY.length)]!),
        bytes.subarray(i),
      ]);
    }
    case 2: {
      const i = at();
      return Buffer.concat([bytes.subarray(0, i), bytes.subarray(i + 1 + Math.floor(next() * 200))]);
    }
    case 3: {
      const copy = Buffer.from(bytes);
      for (let n = 0; n < 20; n++) copy[at()] = Math.floor(next() * 256);
      return copy;
    }
    default: {
      const i = at();
      const j = at();
      return Buffer.concat([
        bytes.subarray(0, Math.min(i, j)),
        bytes.subarray(Math.min(i, j), Math.max(i, j)),
        bytes.subarray(Math.min(i, j)),
      ]);
    }
  }
}

describe('parseFeed under random damage', () => {
  it('returns a feed or throws FEED_MALFORMED, promptly, for every mutation', () => {
    const next = random(20261128);
    let parsed = 0;
    for (let round = 0; round < 600; round++) {
      let bytes = loadFeedFixture(FIXTURES[round % FIXTURES.length]!);
      for (let k = 1 + Math.floor(next() * 3); k > 0; k--) bytes = mutate(bytes, next);
      const started = performance.now();
      try {
        const feed = parseFeed(bytes, { url: 'https://news.example/feed' });
        expect(Array.isArray(feed.items)).toBe(true);
        for (const item of feed.items) {
          if (item.published !== null) expect(Number.isNaN(Date.parse(item.published))).toBe(false);
          if (item.link !== null) expect(item.link).toMatch(/^[a-z][a-z0-9+.-]*:/i);
        }
        parsed++;
      } catch (error) {
        expect(error).toBeInstanceOf(NewsdeskError);
        expect((error as NewsdeskError).code).toBe('FEED_MALFORMED');
      }
      expect(performance.now() - started).toBeLessThan(1000);
    }
    // Most damage is recoverable: a parser that gave up on everything would also pass the loop above.
    expect(parsed).toBeGreaterThan(400);
  });
});
