import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ParsedFeed, ParsedItem } from '../../src/domain/feed.js';
import { itemsToArticles } from '../../src/pipeline/ingest/items-to-articles.js';
import { ArticleRepository } from '../../src/store/repositories/articles.js';
import { normaliseStoredItemKeys } from '../../src/store/migrations/0006-source-category-article-revisions.js';
import { SourceRepository } from '../../src/store/repositories/sources.js';
import { createTestDatabase, testDialects, type TestDatabase } from '../support/databases.js';

const item = (fields: Partial<ParsedItem>): ParsedItem => ({
  title: null,
  link: null,
  guid: null,
  published: '2024-05-01T10:00:00.000Z',
  updated: null,
  authors: [],
  summary: null,
  content: null,
  enclosures: [],
  categories: [],
  ...fields,
});
const feed = (items: ParsedItem[]): ParsedFeed => ({ title: 'Desk', link: null, language: 'en', items });

describe.each(testDialects)('item identity and revisions on %s', (dialect) => {
  let t: TestDatabase;
  let sources: SourceRepository;
  let articles: ArticleRepository;
  let sourceId: number;

  beforeEach(async () => {
    t = await createTestDatabase(dialect);
    sources = new SourceRepository(t.store.db);
    articles = new ArticleRepository(t.store.db, t.store.capabilities);
    sourceId = (await sources.add({ url: 'https://news.example.org/feed', category: 'News / World' }, 1)).id;
  });
  afterEach(() => t.drop());

  it('stores a link seen with other tracking parameters, case and trailing slash once', async () => {
    const first = await articles.save(
      itemsToArticles(
        feed([item({ title: 'Flood', link: 'https://news.example.org/flood?utm_source=rss' })]),
        sourceId,
        100,
      ),
    );
    const again = await articles.save(
      itemsToArticles(
        feed([
          item({ title: 'Flood', link: 'http://NEWS.example.org/flood/?fbclid=x&utm_medium=social#top' }),
        ]),
        sourceId,
        200,
      ),
    );
    expect(first.newIds).toHaveLength(1);
    expect(again).toEqual({ newIds: [], revisedIds: [] });
    expect(await articles.count()).toBe(1);
  });

  it('turns a changed item into a revision of the same article, searchable by its new words', async () => {
    const [id] = (
      await articles.save(
        itemsToArticles(
          feed([item({ guid: 'g-1', title: 'Bridge closed', summary: 'Traffic diverted' })]),
          sourceId,
          100,
        ),
      )
    ).newIds;
    const changed = itemsToArticles(
      feed([item({ guid: 'g-1', title: 'Bridge reopened', summary: 'Traffic flows again' })]),
      sourceId,
      500,
    );
    expect(await articles.save(changed)).toEqual({ newIds: [], revisedIds: [id] });
    expect(await articles.count()).toBe(1);
    const current = await articles.get(id!);
    expect(current).toMatchObject({
      title: 'Bridge reopened',
      summary: 'Traffic flows again',
      firstSeenAt: 100,
    });
    expect(await articles.revisions(id!)).toEqual([
      {
        url: null,
        title: 'Bridge closed',
        summary: 'Traffic diverted',
        content: null,
        author: null,
        replacedAt: 500,
      },
    ]);
    expect((await articles.search('reopened')).map((a) => a.id)).toEqual([id]);
    expect(await articles.search('closed')).toEqual([]);
    // The same version again is no new revision.
    expect(await articles.save(changed)).toEqual({ newIds: [], revisedIds: [] });
    expect(await articles.revisions(id!)).toHaveLength(1);
  });

  it('keeps the category a source was added with, and drops revisions with the source', async () => {
    expect(await sources.get(sourceId)).toMatchObject({ category: 'News / World' });
    const [id] = await articles.insertNew(
      itemsToArticles(feed([item({ guid: 'g', title: 'One' })]), sourceId, 1),
    );
    await articles.insertNew(itemsToArticles(feed([item({ guid: 'g', title: 'Two' })]), sourceId, 2));
    expect(await articles.revisions(id!)).toHaveLength(1);
    await sources.remove(sourceId);
    expect(await articles.revisions(id!)).toEqual([]);
  });
});

describe.each(testDialects)('rewriting stored item keys on upgrade, on %s', (dialect) => {
  let t: TestDatabase;
  afterEach(() => t.drop());

  it('gives items stored under raw links the keys new fetches compute, so none is stored twice', async () => {
    t = await createTestDatabase(dialect);
    const sources = new SourceRepository(t.store.db);
    const articles = new ArticleRepository(t.store.db, t.store.capabilities);
    const sourceId = (await sources.add({ url: 'https://news.example.org/feed' }, 1)).id;
    const stored = (itemKey: string) => ({
      sourceId,
      itemKey,
      url: null,
      title: itemKey,
      summary: null,
      content: null,
      author: null,
      publishedAt: 1,
      firstSeenAt: 1,
      lang: null,
    });
    // Keys as an earlier version wrote them: the link or GUID exactly as the feed gave it.
    await articles.insertNew([
      stored('link:http://News.example.org/a/?utm_source=rss'),
      stored('guid:https://news.example.org/b?fbclid=1'),
      stored('guid:tag:x,2024:1'),
    ]);
    expect(await normaliseStoredItemKeys(t.store.db as never)).toBe(2);
    const again = itemsToArticles(
      feed([
        item({ title: 'link:http://News.example.org/a/?utm_source=rss', link: 'https://news.example.org/a' }),
        item({ title: 'guid:https://news.example.org/b?fbclid=1', guid: 'https://news.example.org/b' }),
        item({ title: 'guid:tag:x,2024:1', guid: 'tag:x,2024:1' }),
      ]),
      sourceId,
      5,
    );
    expect(await articles.save(again)).toEqual({ newIds: [], revisedIds: [] });
    expect(await articles.count()).toBe(3);
  });
});
