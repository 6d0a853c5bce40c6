import type { App } from '../../src/app/create-app.js';
import { readStoryFixture } from '../fixtures/stories/read-fixture.js';

const HOUR = 3_600_000;

/** Sentences as paragraphs, the way feeds carry article bodies. */
const asHtml = (text: string) =>
  text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => `<p>${line.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`)
    .join('');

/**
 * Stores a wire story and a newspaper's republished copy of it (with a credit line naming the
 * wire's site), between ECB+ news texts of two events of the same kinds each. Returns the ids.
 */
export async function seedStories(
  app: App,
  now: number,
): Promise<{ wire: number; copy: number; others: number[] }> {
  const wireSource = await app.sources.add({ url: 'https://northwire.news/feed', title: 'North Wire' }, now);
  const paperSource = await app.sources.add(
    { url: 'https://daily-courier.example/rss', title: 'Daily Courier' },
    now,
  );
  const ecbSource = await app.sources.add({ url: 'https://ecb.example/feed', title: 'ECB Plus' }, now);
  const base = { summary: null, author: null, lang: 'en' };
  const ecb = readStoryFixture('ecbplus-topics-1-3.jsonl')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { doc: string; text: string });
  const wireIds = await app.articles.insertNew([
    {
      ...base,
      sourceId: wireSource.id,
      itemKey: 'floods',
      url: 'https://northwire.news/2026/11/floods-maricka',
      title: 'Floods force thousands from their homes in Maricka',
      content: asHtml(readStoryFixture('original-article.txt')),
      publishedAt: now - 5 * HOUR,
      firstSeenAt: now - 5 * HOUR,
    },
  ]);
  const otherIds = await app.articles.insertNew(
    ecb.slice(0, 7).map((doc, i) => ({
      ...base,
      sourceId: ecbSource.id,
      itemKey: doc.doc,
      url: `https://ecb.example/${doc.doc}`,
      title: doc.text.split('\n')[0]!.slice(0, 80),
      content: asHtml(doc.text),
      publishedAt: now - 4 * HOUR + i * 60_000,
      firstSeenAt: now - 4 * HOUR + i * 60_000,
    })),
  );
  const copyIds = await app.articles.insertNew([
    {
      ...base,
      sourceId: paperSource.id,
      itemKey: 'floods-copy',
      url: 'https://daily-courier.example/news/floods',
      title: 'Floods force thousands from their homes in Maricka',
      content: asHtml(readStoryFixture('republished-copy.txt')),
      publishedAt: now - 2 * HOUR,
      firstSeenAt: now - 2 * HOUR,
    },
  ]);
  const laterIds = await app.articles.insertNew(
    ecb.slice(7).map((doc, i) => ({
      ...base,
      sourceId: ecbSource.id,
      itemKey: doc.doc,
      url: `https://ecb.example/${doc.doc}`,
      title: doc.text.split('\n')[0]!.slice(0, 80),
      content: asHtml(doc.text),
      publishedAt: now - HOUR + i * 60_000,
      firstSeenAt: now - HOUR + i * 60_000,
    })),
  );
  return { wire: wireIds[0]!, copy: copyIds[0]!, others: [...otherIds, ...laterIds] };
}
