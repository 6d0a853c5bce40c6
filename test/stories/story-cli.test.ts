import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { createTestApp } from '../support/app.js';
import { seedStories } from './seed.js';

/** The stored assignments as comparable data. */
async function snapshot(t: Awaited<ReturnType<typeof createTestApp>>) {
  return t.database.store.db
    .selectFrom('story_assignments')
    .select(['article_id', 'sequence', 'story_id', 'duplicate_of', 'original_id', 'evidence', 'diff'])
    .orderBy('sequence')
    .execute();
}

describe('newsdesk story show and recluster', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let ids: Awaited<ReturnType<typeof seedStories>>;
  let env: Record<string, string>;

  beforeAll(async () => {
    t = await createTestApp('sqlite');
    ids = await seedStories(t.app, t.clock.now());
    const location = t.database.location;
    if (location.kind !== 'sqlite') throw new Error('expected an SQLite test database');
    env = { DATABASE_URL: `sqlite:${location.path}`, NEWSDESK_LOAD_SAMPLE: 'false' };
  });
  afterAll(async () => {
    await t.close();
  });

  it('recluster rebuilds what the stream stored, with progress lines when not on a terminal', async () => {
    while ((await t.app.storyAssigner.assignPending(4)).assigned > 0);
    const streamed = await snapshot(t);
    const result = await runCli(['recluster'], { env });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`${streamed.length} articles assigned`);
    expect(result.stderr).toContain(`assigning articles: ${streamed.length}/${streamed.length} (100%)`);
    expect(result.stderr).not.toContain('\r');
    expect(await snapshot(t)).toEqual(streamed);
    const since = await runCli(['recluster', '--since', '2026-11-01T09:30:00Z'], { env });
    expect(since.status).toBe(0);
    expect(await snapshot(t)).toEqual(streamed);
  });

  it('shows a story as text and as JSON, with the original, the copy and the facts', async () => {
    const text = await runCli(['story', 'show', String(ids.wire)], { env });
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(new RegExp(`${ids.wire} .*North Wire.*\\[ORIGINAL\\]`));
    expect(text.stdout).toMatch(
      new RegExp(`${ids.copy} .*Daily Courier.*\\[copy of ${ids.wire}, \\d+% changed\\]`),
    );
    expect(text.stdout).toContain('original because: credited by Daily Courier');
    expect(text.stdout).toContain('more than 3,200 residents (2 articles)');
    expect(text.stdout).toContain('people: Elena Dobreva (2)');
    const json = await runCli(['story', 'show', String(ids.wire), '--json'], { env });
    const story = JSON.parse(json.stdout) as {
      articles: { id: number; role: string; changedShare: number | null }[];
      entities: { people: { key: string; articles: number }[] };
    };
    expect(story.entities.people[0]).toMatchObject({ key: 'elena dobreva', articles: 2 });
    expect(story.articles.map((a) => [a.id, a.role])).toEqual([
      [ids.wire, 'original'],
      [ids.copy, 'copy'],
    ]);
    expect(story.articles[1]!.changedShare).toBeGreaterThan(0);
  });

  it('answers a missing story with exit 1 and a malformed id with exit 2', async () => {
    expect((await runCli(['story', 'show', '999999'], { env })).status).toBe(1);
    expect((await runCli(['story', 'show', 'abc'], { env })).status).toBe(2);
    expect((await runCli(['recluster', '--since', 'yesterday'], { env })).status).toBe(2);
  });
});
