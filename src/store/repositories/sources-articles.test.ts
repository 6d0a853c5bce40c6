import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NewArticle } from '../../domain/article.js';
import { createTestDatabase, testDialects, type TestDatabase } from '../../../test/support/databases.js';
import { ArticleRepository } from './articles.js';
import { SourceRepository } from './sources.js';

describe.each(testDialects)('sources and articles on %s', (dialect) => {
  let t: TestDatabase;
  let sources: SourceRepository;
  let articles: ArticleRepository;

  beforeEach(async () => {
    t = await createTestDatabase(dialect);
    sources = new SourceRepository(t.store.db);
    articles = new ArticleRepository(t.store.db, t.store.capabilities);
  });
  afterEach(() => t.drop());

  const article = (sourceId: number, itemKey: string, publishedAt: number): NewArticle => ({
    sourceId,
    itemKey,
    url: `https://example.org/${itemKey}`,
    title: `Title ${itemKey}`,
    summary: null,
    content: null,
    author: null,
    publishedAt,
    firstSeenAt: 1,
    lang: null,
  });

  it('refuses a second source with the same URL', async () => {
    await sources.add({ url: 'https://example.org/feed' }, 1);
    await expect(sources.add({ url: 'https://example.org/feed' }, 2)).rejects.toMatchObject({ code: 'SOURCE_EXISTS' });
  });

  it('stores each item once per source and returns only the new ids', async () => {
    const a = await sources.add({ url: 'https://a.example/feed' }, 1);
    const b = await sources.add({ url: 'https://b.example/feed' }, 1);
    const first = await articles.insertNew([article(a.id, 'x', 10), article(a.id, 'y', 20)]);
    expect(first).toHaveLength(2);
    const second = await articles.insertNew([article(a.id, 'x', 10), article(a.id, 'z', 30), article(b.id, 'x', 40)]);
    expect(second).toHaveLength(2);
    expect(await articles.count()).toBe(4);
    const newest = await articles.newest(10);
    expect(newest.map((n) => n.publishedAt)).toEqual([40, 30, 20, 10]);
    expect(newest[0]).toMatchObject({ sourceId: b.id, sourceUrl: 'https://b.example/feed', sourceIsSample: false });
  });

  it('records failures with backoff state and clears them on success, keeping a known title', async () => {
    const s = await sources.add({ url: 'https://a.example/feed', title: 'A' }, 1);
    await sources.recordFailure(s.id, { checkedAt: 5, nextCheckAt: 100, code: 'FEED_MALFORMED', message: 'bad' });
    await sources.recordFailure(s.id, { checkedAt: 6, nextCheckAt: 200, code: 'FETCH_TIMEOUT', message: 'slow' });
    expect(await sources.get(s.id)).toMatchObject({ errorCount: 2, lastErrorCode: 'FETCH_TIMEOUT', nextCheckAt: 200 });
    expect(await sources.due(150, 10)).toEqual([]);
    expect(await sources.due(250, 10)).toEqual([s.id]);
    await sources.recordSuccess(s.id, { checkedAt: 7, nextCheckAt: 300, etag: '"e"', lastModified: null, title: null, siteUrl: null });
    expect(await sources.get(s.id)).toMatchObject({ errorCount: 0, lastErrorCode: null, etag: '"e"', title: 'A', lastSuccessAt: 7 });
  });

  it('removes a source with its articles, and the sample sources together', async () => {
    const kept = await sources.add({ url: 'https://kept.example/feed' }, 1);
    const sample = await sources.add({ url: 'sample:one.rss', isSample: true }, 1);
    await articles.insertNew([article(kept.id, 'k', 1), article(sample.id, 's', 2)]);
    expect(await sources.removeSamples()).toBe(1);
    expect((await articles.newest(10)).map((a) => a.sourceId)).toEqual([kept.id]);
    await sources.remove(kept.id);
    expect(await articles.count()).toBe(0);
    await expect(sources.remove(kept.id)).rejects.toMatchObject({ code: 'SOURCE_NOT_FOUND' });
  });
});
