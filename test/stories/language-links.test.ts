import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../../src/entrypoints/server/create-server.js';
import { createTestApp } from '../support/app.js';
import { testDialects } from '../support/databases.js';

const HOUR = 3_600_000;

describe.each(testDialects)('stories linked across languages on %s', (dialect) => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let server: FastifyInstance;
  let ids: { arabic: number; english: number; otherEvent: number; lateEvent: number };

  beforeAll(async () => {
    t = await createTestApp(dialect);
    server = await createServer(t.app);
    const now = t.clock.now();
    const arabicSource = await t.app.sources.add({ url: 'https://akhbar.example/feed', title: 'أخبار' }, now);
    const englishSource = await t.app.sources.add({ url: 'https://courier.example/feed', title: 'Courier' }, now);
    const article = (sourceId: number, key: string, title: string, text: string, lang: string, at: number) => ({
      sourceId,
      itemKey: key,
      url: `https://example.org/${key}`,
      title,
      summary: null,
      content: `<p>${text}</p>`,
      author: null,
      lang,
      publishedAt: at,
      firstSeenAt: at,
    });
    const [arabic] = await t.app.articles.insertNew([
      article(
        arabicSource.id,
        'ar-collapse',
        'انهيار مبنى في القاهرة وإجلاء 240 شخصا',
        'أعلنت السلطات في القاهرة يوم 24 نوفمبر إجلاء أكثر من ٢٤٠ شخصا بعد انهيار مبنى من 12 طابقا في حي شبرا، وقال الدفاع المدني إن فرق الإنقاذ تواصل البحث تحت الأنقاض.',
        'ar',
        now - 3 * HOUR,
      ),
    ]);
    const [english, otherEvent] = await t.app.articles.insertNew([
      article(
        englishSource.id,
        'en-collapse',
        'Building collapse in Cairo forces 240 people from their homes',
        'Authorities in Cairo evacuated more than 240 people on November 24 after a 12-storey building collapsed in the Shubra district. Civil defence teams were still searching the rubble on Tuesday evening, officials said.',
        'en',
        now - 2 * HOUR,
      ),
      article(
        englishSource.id,
        'en-festival',
        'Cairo film festival opens with record attendance',
        'The Cairo International Film Festival opened on November 20 with screenings in six cinemas, and organisers said ticket sales rose by a third compared with last year.',
        'en',
        now - HOUR,
      ),
    ]);
    const [lateEvent] = await t.app.articles.insertNew([
      article(
        englishSource.id,
        'en-late',
        'Another building collapses in Cairo',
        'Authorities in Cairo evacuated more than 240 people on December 19 after a 12-storey building collapsed in the Shubra district.',
        'en',
        now + 25 * 24 * HOUR,
      ),
    ]);
    await t.app.storyAssigner.assignPending();
    ids = { arabic: arabic!, english: english!, otherEvent: otherEvent!, lateEvent: lateEvent! };
  });
  afterAll(async () => {
    await server.close();
    await t.close();
  });

  it('links the Arabic and the English story of one event, and neither to another event in the same city', async () => {
    const fromArabic = await t.app.stories.linkedStories(ids.arabic);
    expect(fromArabic.map((l) => l.id)).toEqual([ids.english]);
    expect(fromArabic[0]!.lang).toBe('en');
    expect(fromArabic[0]!.shared).toEqual(expect.arrayContaining(['place:city:360630', 'number:240', 'date:2026-11-24']));
    const fromEnglish = await t.app.stories.linkedStories(ids.english);
    expect(fromEnglish.map((l) => l.id)).toEqual([ids.arabic]);
    // Same city, but no shared day or figure; and a like event weeks later is outside the window.
    expect(await t.app.stories.linkedStories(ids.otherEvent)).toEqual([]);
    expect(await t.app.stories.linkedStories(ids.lateEvent)).toEqual([]);
  });

  it('shows the linked story on the story page with what both name', async () => {
    const page = await server.inject({ url: `/stories/${ids.arabic}` });
    expect(page.body).toContain('<h2>The same event in other languages</h2>');
    expect(page.body).toContain(`href="/stories/${ids.english}" lang="en"`);
    // The place under the name the Arabic story uses, first; then the day and the figures.
    expect(page.body).toContain('(both name القاهرة, 2026-11-24, 12, 24, 240)');
  });

  it('forgets the links of articles cleared by a recluster and finds them again', async () => {
    await t.app.storyAssigner.recluster(undefined);
    expect((await t.app.stories.linkedStories(ids.arabic)).map((l) => l.id)).toEqual([ids.english]);
    const rows = await t.database.store.db.selectFrom('story_article_keys').select('article_id').execute();
    expect(new Set(rows.map((r) => Number(r.article_id))).size).toBe(4);
  });
});
