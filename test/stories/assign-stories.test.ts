import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StoryAssigner } from '../../src/pipeline/ingest/assign-stories.js';
import { PageRepository } from '../../src/store/repositories/pages.js';
import { createTestApp } from '../support/app.js';
import { testDialects } from '../support/databases.js';
import { readStoryFixture } from '../fixtures/stories/read-fixture.js';
import { seedStories } from './seed.js';

type TestApp = Awaited<ReturnType<typeof createTestApp>>;

/** Every stored assignment, as comparable data. */
async function snapshot(t: TestApp) {
  const rows = await t.database.store.db
    .selectFrom('story_assignments')
    .select([
      'article_id',
      'sequence',
      'story_id',
      'is_new_story',
      'duplicate_of',
      'original_id',
      'evidence',
      'diff',
      'quantities',
      'claims',
    ])
    .orderBy('sequence')
    .execute();
  return rows.map((r) => ({
    ...r,
    article_id: Number(r.article_id),
    story_id: Number(r.story_id),
    sequence: Number(r.sequence),
  }));
}

describe.each(testDialects)('story assignment on %s', (dialect) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp(dialect);
  });
  afterEach(async () => {
    await t.close();
  });

  const assigner = (batchSize: number) =>
    new StoryAssigner({
      store: t.app.stories,
      logger: pino({ level: 'silent' }),
      now: () => t.clock.now(),
      batchSize,
    });

  it('stores every article once, in id order, with the copy pointing at the credited original', async () => {
    const ids = await seedStories(t.app, t.clock.now());
    const result = await assigner(4).assignPending();
    expect(result).toEqual({ assigned: ids.others.length + 2, conflict: false });
    const rows = await snapshot(t);
    expect(rows.map((r) => r.sequence)).toEqual(rows.map((_, i) => i + 1));
    expect(rows.map((r) => r.article_id)).toEqual([...rows.map((r) => r.article_id)].sort((a, b) => a - b));
    const copy = rows.find((r) => r.article_id === ids.copy)!;
    const wire = rows.find((r) => r.article_id === ids.wire)!;
    expect(copy.story_id).toBe(ids.wire);
    expect(Number(copy.duplicate_of)).toBe(ids.wire);
    expect(Number(copy.original_id)).toBe(ids.wire);
    expect(Number(wire.original_id)).toBe(ids.wire);
    expect(wire.diff).toBeNull();
    const diff = JSON.parse(copy.diff!) as { changedShare: number; addedSentences: number };
    expect(diff.changedShare).toBeGreaterThan(0);
    expect(diff.changedShare).toBeLessThan(0.5);
    expect(diff.addedSentences).toBeGreaterThan(0);
    expect(JSON.parse(wire.quantities)).toContainEqual(
      expect.objectContaining({ value: 3200, qualifier: 'more than' }),
    );
    // Nothing is left, and a second run stores nothing again.
    expect(await assigner(4).assignPending()).toEqual({ assigned: 0, conflict: false });
    const story = await t.app.stories.story(ids.wire);
    expect(story?.articleCount).toBe(2);
  });

  it('lets an article whose page is being fetched wait for its extracted text, and later ones with it', async () => {
    const now = t.clock.now();
    const source = await t.app.sources.add({ url: 'https://pages.example/feed', title: 'Pages' }, now);
    const item = (key: string, summary: string) => ({
      sourceId: source.id,
      itemKey: key,
      url: `https://pages.example/${key}`,
      title: `Report ${key}`,
      summary,
      content: null,
      author: null,
      lang: 'en',
      publishedAt: now,
      firstSeenAt: now,
    });
    const [waiting, later] = await t.app.articles.insertNew([
      item('dam', 'A dam burst upstream of the town.'),
      item('bridge', 'A bridge closed for repairs.'),
    ]);
    await new PageRepository(t.database.store.db).decide(
      [{ articleId: waiting!, url: 'https://pages.example/dam', status: 'pending', reason: null }],
      now,
    );
    const waits = new StoryAssigner({
      store: t.app.stories,
      logger: pino({ level: 'silent' }),
      now: () => t.clock.now(),
      pageWaitMs: 600_000,
    });
    expect(await waits.assignPending()).toEqual({ assigned: 0, conflict: false });

    const text =
      'The dam above Maricka burst on Tuesday night.\n\nMore than 240 people were moved to the sports hall.';
    await t.app.extractions.save(
      {
        articleId: waiting!,
        status: 'extracted',
        chosen: 'page',
        title: null,
        byline: 'Ana Petrova',
        published: null,
        modified: null,
        lang: 'en',
        dir: 'ltr',
        siteName: null,
        canonicalUrl: null,
        image: null,
        description: null,
        text,
        html: '',
        credits: [],
        extractedAt: now,
      },
      source.id,
      [],
    );
    expect(await waits.assignPending()).toEqual({ assigned: 2, conflict: false });
    const rows = await snapshot(t);
    expect(rows.map((r) => r.article_id)).toEqual([waiting, later]);
    // The facts come from the page's text, which the feed's one-line summary did not have.
    expect(JSON.parse(rows[0]!.quantities)).toContainEqual(
      expect.objectContaining({ value: 240, qualifier: 'more than' }),
    );
  });

  it('stops waiting for a page after the wait and places the article on its feed text', async () => {
    const now = t.clock.now();
    const source = await t.app.sources.add({ url: 'https://slow.example/feed', title: 'Slow' }, now);
    const [id] = await t.app.articles.insertNew([
      {
        sourceId: source.id,
        itemKey: 'a',
        url: 'https://slow.example/a',
        title: 'Slow page',
        summary: 'A one-line summary.',
        content: null,
        author: null,
        lang: 'en',
        publishedAt: now,
        firstSeenAt: now,
      },
    ]);
    await new PageRepository(t.database.store.db).decide(
      [{ articleId: id!, url: 'https://slow.example/a', status: 'pending', reason: null }],
      now,
    );
    const waits = new StoryAssigner({
      store: t.app.stories,
      logger: pino({ level: 'silent' }),
      now: () => t.clock.now(),
      pageWaitMs: 600_000,
    });
    expect((await waits.assignPending()).assigned).toBe(0);
    t.clock.advance(600_001);
    expect((await waits.assignPending()).assigned).toBe(1);
  });

  it('keeps the stream whole when another process writes meanwhile: the stale writer stores nothing', async () => {
    await seedStories(t.app, t.clock.now());
    const other = assigner(3);
    let interrupted = false;
    // A store through which, once, another process assigns a batch between our read and our write.
    const racing = Object.create(t.app.stories) as typeof t.app.stories;
    racing.unassigned = async (limit) => {
      const batch = await t.app.stories.unassigned(limit);
      if (!interrupted) {
        interrupted = true;
        await other.assignPending(3);
      }
      return batch;
    };
    const stale = new StoryAssigner({
      store: racing,
      logger: pino({ level: 'silent' }),
      now: () => t.clock.now(),
      batchSize: 3,
    });
    expect(await stale.assignPending(3)).toEqual({ assigned: 0, conflict: true });
    // Each catches up by rebuilding from the stored stream.
    expect(await stale.assignPending(3)).toEqual({ assigned: 3, conflict: false });
    expect(await other.assignPending(3)).toEqual({ assigned: 3, conflict: false });
    const rows = await snapshot(t);
    expect(rows.map((r) => r.sequence)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(new Set(rows.map((r) => r.article_id)).size).toBe(9);
  });

  it('runs one assignment at a time in a process, and replays whole stories of the active window', async () => {
    const ids = await seedStories(t.app, t.clock.now());
    const shared = assigner(2);
    const results = await Promise.all([
      shared.assignPending(3),
      shared.assignPending(3),
      shared.assignPending(),
    ]);
    expect(results.map((r) => r.conflict)).toEqual([false, false, false]);
    const rows = await snapshot(t);
    expect(rows.map((r) => r.sequence)).toEqual(rows.map((_, i) => i + 1));
    // The copy (two hours old) is in a 1.5-hour window; its story opened with the wire, five hours old.
    expect(await t.app.stories.replayStart(1.5 * 3_600_000)).toBe(
      rows.find((r) => r.article_id === ids.wire)!.sequence,
    );
    // Nothing at all within a window that ends before the newest article: only what follows is replayed.
    expect(await t.app.stories.replayStart(-3_600_000)).toBe(rows.length + 1);
  });

  it('recluster gives the same stored result as the stream, from scratch and from a date', async () => {
    const now = t.clock.now();
    await seedStories(t.app, now);
    // The stream: batches of a few, as recurring jobs take them.
    const stream = assigner(5);
    while ((await stream.assignPending(5)).assigned > 0);
    const streamed = await snapshot(t);
    const progress: [number, number, string][] = [];
    await assigner(50).recluster(undefined, (done, total, phase) => progress.push([done, total, phase]));
    expect(await snapshot(t)).toEqual(streamed);
    expect(progress.at(-1)).toEqual([streamed.length, streamed.length, 'assign']);
    await assigner(50).recluster(now - 3 * 3_600_000);
    expect(await snapshot(t)).toEqual(streamed);
  });

  it('stores where a split moved earlier articles: assignments, story rows and linking keys agree', async () => {
    // ECB+ topic 12 (CC BY 3.0): two pirate attacks whose reports grow into one story, then split.
    const docs = readStoryFixture('ecbplus-topic-12.jsonl')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { doc: string; cluster: string; text: string });
    const now = t.clock.now();
    const source = await t.app.sources.add({ url: 'https://navy.example/feed', title: 'Navy' }, now);
    const ids = await t.app.articles.insertNew(
      docs.map((d, i) => ({
        sourceId: source.id,
        itemKey: d.doc,
        url: `https://navy.example/${i}`,
        title: '',
        summary: d.text,
        content: null,
        author: null,
        lang: 'en',
        publishedAt: now - (docs.length - i) * 60_000,
        firstSeenAt: now,
      })),
    );
    const eventOf = new Map(ids.map((id, i) => [id, docs[i]!.cluster]));
    const stream = assigner(4);
    while ((await stream.assignPending(4)).assigned > 0);
    const rows = await snapshot(t);
    // Each stored story holds one event but for a stray report or two.
    const events = new Map<number, Set<string>>();
    for (const r of rows)
      events.set(r.story_id, (events.get(r.story_id) ?? new Set()).add(eventOf.get(r.article_id)!));
    expect(rows.filter((r) => events.get(r.story_id)!.size > 1).length).toBeLessThanOrEqual(2);
    // A story is named after its first article, the one marked as opening it.
    for (const r of rows)
      expect(r.is_new_story, String(r.article_id)).toBe(r.story_id === r.article_id ? 1 : 0);
    const db = t.database.store.db;
    const storyRows = await db.selectFrom('stories').select(['id', 'article_count']).execute();
    const counts = new Map<number, number>();
    for (const r of rows) counts.set(r.story_id, (counts.get(r.story_id) ?? 0) + 1);
    expect(new Map(storyRows.map((r) => [Number(r.id), Number(r.article_count)]))).toEqual(counts);
    const keys = await db.selectFrom('story_article_keys').select(['article_id', 'story_id']).execute();
    expect(keys.length).toBeGreaterThan(0);
    const storyOf = new Map(rows.map((r) => [r.article_id, r.story_id]));
    for (const k of keys) expect(Number(k.story_id)).toBe(storyOf.get(Number(k.article_id)));
    // Rebuilding from the stored articles splits at the same place.
    await assigner(50).recluster(undefined);
    expect(await snapshot(t)).toEqual(rows);
  });
});
