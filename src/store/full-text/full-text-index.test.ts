import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testDialects, type TestDatabase } from '../../../test/support/databases.js';
import { ArticleRepository } from '../repositories/articles.js';
import { SourceRepository } from '../repositories/sources.js';

describe.each(testDialects)('full-text search on %s', (dialect) => {
  let t: TestDatabase;
  let articles: ArticleRepository;

  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    const source = await new SourceRepository(t.store.db).add({ url: 'https://example.org/feed' }, 1000);
    articles = new ArticleRepository(t.store.db, t.store.capabilities);
    const base = { sourceId: source.id, url: null, summary: null, author: null, firstSeenAt: 1000, lang: null };
    await articles.insertNew([
      { ...base, itemKey: 'a', title: 'Budget approved', content: 'Parliament approved the budget on Monday.', publishedAt: 1 },
      { ...base, itemKey: 'b', title: 'وزارة المالية', content: 'أقرّ البرلمانُ الميزانيَّةَ العامة للدولة.', publishedAt: 2 },
      { ...base, itemKey: 'c', title: 'Weather', content: 'Rain is expected; "quotes" and * stars are text.', publishedAt: 3 },
    ]);
  });
  afterAll(() => t.drop());

  it('finds English words in title or body', async () => {
    const found = await articles.search('budget');
    expect(found.map((a) => a.itemKey)).toEqual(['a']);
  });

  it('matches Arabic across diacritics, letter forms and the definite article', async () => {
    for (const query of ['ميزانية', 'الميزانية', 'البرلمان', 'برلمان']) {
      const found = await articles.search(query);
      expect(found.map((a) => a.itemKey), query).toEqual(['b']);
    }
  });

  it('requires every word and treats query syntax as plain text', async () => {
    expect(await articles.search('budget rain')).toEqual([]);
    expect((await articles.search('"quotes" * OR NEAR(')).map((a) => a.itemKey)).toEqual([]);
    expect((await articles.search('"quotes" stars')).map((a) => a.itemKey)).toEqual(['c']);
    expect(await articles.search('  ')).toEqual([]);
  });

  it('drops the index entries of removed articles', async () => {
    const [a] = await articles.search('budget');
    await t.store.db.deleteFrom('articles').where('id', '=', a!.id).execute();
    expect(await articles.search('budget')).toEqual([]);
  });
});
