import type { Kysely, Selectable, Transaction } from 'kysely';
import type {
  AssignmentRecord,
  OriginalUpdate,
  StoryMove,
  StoryStreamStore,
  StreamPosition,
} from '../../pipeline/ingest/assign-stories.js';
import { storyText, type StoredStoryArticle } from '../../pipeline/ingest/story-input.js';
import { storyArticles, toStoredStoryArticle } from './story-articles.js';
import { linkedStories, saveLinkingKeys, type LinkedStory } from './story-links.js';
import type { StoredStory } from '../../pipeline/ingest/story-view.js';
import type { AttributedClaim } from '../../pipeline/stories/claims.js';
import type { DiffSummary } from '../../pipeline/stories/diff-summary.js';
import type { ArticleEntities } from '../../pipeline/stories/entities/index.js';
import type { Quantity } from '../../pipeline/stories/quantities.js';
import type { StoryEvidence } from '../../pipeline/stories/types.js';
import type { Database, StoryAssignmentsTable } from '../schema.js';

const STATE = 'assignments';
const CHUNK = 400;

/** Story assignments and stories: the clusterer's answers, stored in the order it gave them. */
export class StoryRepository implements StoryStreamStore {
  constructor(private readonly db: Kysely<Database>) {}

  async position(): Promise<StreamPosition> {
    const row = await this.db
      .selectFrom('story_state')
      .select(['sequence', 'version'])
      .where('name', '=', STATE)
      .executeTakeFirst();
    return { sequence: Number(row?.sequence ?? 0), version: Number(row?.version ?? 0) };
  }

  async unassigned(limit: number, waitForPagesSince?: number): Promise<StoredStoryArticle[]> {
    const rows = await storyArticles(this.db)
      .leftJoin('story_assignments as sa', 'sa.article_id', 'articles.id')
      .leftJoin('article_pages as page', 'page.article_id', 'articles.id')
      .select('page.status as page_status')
      .where('sa.article_id', 'is', null)
      .orderBy('articles.id')
      .limit(limit)
      .execute();
    const ready: StoredStoryArticle[] = [];
    for (const row of rows) {
      const awaitingText =
        (row.page_status === 'pending' || row.page_status === 'fetched') &&
        row.extraction_status === null &&
        waitForPagesSince !== undefined &&
        Number(row.first_seen_at) >= waitForPagesSince;
      if (awaitingText) break;
      ready.push(toStoredStoryArticle(row));
    }
    return ready;
  }

  async countUnassigned(): Promise<number> {
    const row = await this.db
      .selectFrom('articles')
      .leftJoin('story_assignments as sa', 'sa.article_id', 'articles.id')
      .where('sa.article_id', 'is', null)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async assigned(
    fromSequence: number,
    toSequence: number,
    limit: number,
  ): Promise<(StoredStoryArticle & { sequence: number })[]> {
    const rows = await storyArticles(this.db)
      .innerJoin('story_assignments as sa', 'sa.article_id', 'articles.id')
      .select(['sa.sequence', 'sa.entities'])
      .where('sa.sequence', '>=', fromSequence)
      .where('sa.sequence', '<=', toSequence)
      .orderBy('sa.sequence')
      .limit(limit)
      .execute();
    return rows.map((r) => ({
      ...toStoredStoryArticle(r),
      sequence: Number(r.sequence),
      entities: r.entities === null ? null : (JSON.parse(r.entities) as ArticleEntities),
    }));
  }

  async replayStart(windowMs: number): Promise<number> {
    const latest = await this.db
      .selectFrom('story_assignments as sa')
      .innerJoin('articles', 'articles.id', 'sa.article_id')
      .select((eb) => eb.fn.max('articles.published_at').as('t'))
      .executeTakeFirst();
    const position = await this.position();
    if (latest?.t === null || latest?.t === undefined) return position.sequence + 1;
    const active = this.db
      .selectFrom('story_assignments as recent')
      .innerJoin('articles', 'articles.id', 'recent.article_id')
      .select('recent.story_id')
      .where('articles.published_at', '>=', Number(latest.t) - windowMs);
    const row = await this.db
      .selectFrom('story_assignments')
      .select((eb) => eb.fn.min('sequence').as('s'))
      .where('story_id', 'in', active)
      .executeTakeFirst();
    return row?.s === null || row?.s === undefined ? position.sequence + 1 : Number(row.s);
  }

  /** The text each article was clustered on: its extracted text, else its feed's content or summary. */
  async texts(articleIds: number[]): Promise<Map<number, string>> {
    const out = new Map<number, string>();
    for (let i = 0; i < articleIds.length; i += CHUNK) {
      const rows = await this.db
        .selectFrom('articles')
        .leftJoin('article_extractions as extraction', 'extraction.article_id', 'articles.id')
        .select([
          'articles.id',
          'articles.content',
          'articles.summary',
          'extraction.status',
          'extraction.text',
        ])
        .where('articles.id', 'in', articleIds.slice(i, i + CHUNK))
        .execute();
      for (const r of rows) {
        const extracted = r.status === 'extracted' && r.text ? { extracted: { text: r.text } } : {};
        out.set(Number(r.id), storyText({ content: r.content, summary: r.summary, ...extracted }));
      }
    }
    return out;
  }

  async record(
    expected: StreamPosition,
    records: AssignmentRecord[],
    originals: OriginalUpdate[],
    moves: StoryMove[],
    now: number,
  ): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      // The state row is the lock: a writer that read an older version changes nothing.
      const moved = await trx
        .updateTable('story_state')
        .set({ sequence: expected.sequence + records.length, version: expected.version + 1 })
        .where('name', '=', STATE)
        .where('version', '=', expected.version)
        .executeTakeFirst();
      if (Number(moved.numUpdatedRows) === 0) return false;
      for (let i = 0; i < records.length; i += CHUNK) {
        await trx
          .insertInto('story_assignments')
          .values(records.slice(i, i + CHUNK).map((r) => toRow(r, now)))
          .execute();
      }
      for (const o of originals) {
        await trx
          .updateTable('story_assignments')
          .set({ original_id: o.originalId, diff: o.diff ? JSON.stringify(o.diff) : null })
          .where('article_id', '=', o.articleId)
          .execute();
      }
      await saveLinkingKeys(
        trx,
        records.map((r) => ({
          articleId: r.articleId,
          storyId: r.storyId,
          lang: r.lang,
          keys: r.linkingKeys,
        })),
      );
      const left = await moveToStories(trx, moves);
      await refreshStories(
        trx,
        [...new Set([...records.map((r) => r.storyId), ...left, ...moves.map((m) => m.storyId)])],
        now,
      );
      return true;
    });
  }

  async clearFrom(sequence: number, now: number): Promise<StreamPosition> {
    return this.db.transaction().execute(async (trx) => {
      const cleared = await trx
        .selectFrom('story_assignments')
        .select(['article_id', 'story_id'])
        .where('sequence', '>=', sequence)
        .execute();
      await trx.deleteFrom('story_assignments').where('sequence', '>=', sequence).execute();
      const clearedIds = cleared.map((r) => Number(r.article_id));
      for (let i = 0; i < clearedIds.length; i += CHUNK) {
        // Their copy groups are decided again when the cleared articles are assigned again.
        await trx
          .updateTable('story_assignments')
          .set({ original_id: null, diff: null })
          .where('original_id', 'in', clearedIds.slice(i, i + CHUNK))
          .execute();
      }
      const state = await trx
        .selectFrom('story_state')
        .select(['sequence', 'version'])
        .where('name', '=', STATE)
        .executeTakeFirstOrThrow();
      const position = {
        sequence: Math.min(Number(state.sequence), sequence - 1),
        version: Number(state.version) + 1,
      };
      await trx.updateTable('story_state').set(position).where('name', '=', STATE).execute();
      await refreshStories(trx, [...new Set(cleared.map((r) => Number(r.story_id)))], now);
      return position;
    });
  }

  async firstSequenceSeenSince(time: number): Promise<number | undefined> {
    const row = await this.db
      .selectFrom('story_assignments as sa')
      .innerJoin('articles', 'articles.id', 'sa.article_id')
      .select((eb) => eb.fn.min('sa.sequence').as('s'))
      .where('articles.first_seen_at', '>=', time)
      .executeTakeFirst();
    return row?.s === null || row?.s === undefined ? undefined : Number(row.s);
  }

  /** Stories in another language that report the same event (see `story-links.ts`). */
  linkedStories(id: number): Promise<LinkedStory[]> {
    return linkedStories(this.db, id);
  }

  /** The story of an article, if it was assigned one. */
  async storyOf(articleId: number): Promise<{ storyId: number; originalId: number | null } | undefined> {
    const row = await this.db
      .selectFrom('story_assignments')
      .select(['story_id', 'original_id'])
      .where('article_id', '=', articleId)
      .executeTakeFirst();
    return row
      ? {
          storyId: Number(row.story_id),
          originalId: row.original_id === null ? null : Number(row.original_id),
        }
      : undefined;
  }

  /** A story with every article in it, or undefined when there is none with that id. */
  async story(id: number): Promise<StoredStory | undefined> {
    // Read from the assignments themselves: removing a source removes its articles' assignments
    // through the foreign keys, without passing through this repository.
    const rows = await storyArticles(this.db)
      .innerJoin('story_assignments as sa', 'sa.article_id', 'articles.id')
      .select([
        'sa.sequence',
        'sa.story_id',
        'sa.duplicate_of',
        'sa.original_id',
        'sa.evidence',
        'sa.diff',
        'sa.quantities',
        'sa.claims',
        'sa.entities',
      ])
      .where('sa.story_id', '=', id)
      .orderBy('sa.sequence')
      .execute();
    if (rows.length === 0) return undefined;
    const times = rows.map((r) => Number(r.published_at));
    return {
      id,
      articleCount: rows.length,
      firstPublishedAt: times.reduce((a, b) => Math.min(a, b)),
      lastPublishedAt: times.reduce((a, b) => Math.max(a, b)),
      members: rows.map((r) => ({
        ...toStoredStoryArticle(r),
        sequence: Number(r.sequence),
        storyId: Number(r.story_id),
        duplicateOf: r.duplicate_of === null ? null : Number(r.duplicate_of),
        originalId: r.original_id === null ? null : Number(r.original_id),
        evidence: JSON.parse(r.evidence) as StoryEvidence,
        diff: r.diff === null ? null : (JSON.parse(r.diff) as DiffSummary),
        quantities: JSON.parse(r.quantities) as Quantity[],
        claims: JSON.parse(r.claims) as AttributedClaim[],
        entities: r.entities === null ? null : (JSON.parse(r.entities) as ArticleEntities),
      })),
    };
  }
}

function toRow(
  r: AssignmentRecord,
  now: number,
): Omit<Selectable<StoryAssignmentsTable>, 'original_id' | 'diff'> {
  return {
    article_id: r.articleId,
    sequence: r.sequence,
    story_id: r.storyId,
    is_new_story: r.isNewStory ? 1 : 0,
    duplicate_of: r.duplicateOf,
    evidence: JSON.stringify(r.evidence),
    quantities: JSON.stringify(r.quantities),
    entities: JSON.stringify(r.entities),
    claims: JSON.stringify(r.claims),
    assigned_at: now,
  };
}

/**
 * Puts stored articles into the stories a split gave them; returns the stories they left. One
 * update per new story and batch of articles: a split moves a whole part at once.
 */
async function moveToStories(trx: Transaction<Database>, moves: StoryMove[]): Promise<number[]> {
  const left = new Set<number>();
  const byStory = new Map<number, number[]>();
  for (const move of moves) {
    const group = byStory.get(move.storyId);
    if (group) group.push(move.articleId);
    else byStory.set(move.storyId, [move.articleId]);
  }
  for (const [storyId, articleIds] of byStory)
    for (let i = 0; i < articleIds.length; i += CHUNK) {
      const ids = articleIds.slice(i, i + CHUNK);
      const rows = await trx
        .selectFrom('story_assignments')
        .select('story_id')
        .where('article_id', 'in', ids)
        .execute();
      for (const row of rows) left.add(Number(row.story_id));
      await trx
        .updateTable('story_assignments')
        .set((eb) => ({
          story_id: storyId,
          // The article a story is named after is the one that opened it.
          is_new_story: eb.case().when('article_id', '=', storyId).then(1).else(0).end(),
        }))
        .where('article_id', 'in', ids)
        .execute();
      await trx
        .updateTable('story_article_keys')
        .set({ story_id: storyId })
        .where('article_id', 'in', ids)
        .execute();
    }
  return [...left];
}

/** Recomputes the size and time span of the given stories from their assignments; drops emptied ones. */
async function refreshStories(trx: Transaction<Database>, storyIds: number[], now: number): Promise<void> {
  for (let i = 0; i < storyIds.length; i += CHUNK) {
    const ids = storyIds.slice(i, i + CHUNK);
    const rows = await trx
      .selectFrom('story_assignments as sa')
      .innerJoin('articles', 'articles.id', 'sa.article_id')
      .select((eb) => [
        'sa.story_id',
        eb.fn.countAll<number>().as('n'),
        eb.fn.min('articles.published_at').as('first'),
        eb.fn.max('articles.published_at').as('last'),
      ])
      .where('sa.story_id', 'in', ids)
      .groupBy('sa.story_id')
      .execute();
    await trx.deleteFrom('stories').where('id', 'in', ids).execute();
    if (rows.length === 0) continue;
    await trx
      .insertInto('stories')
      .values(
        rows.map((r) => ({
          id: Number(r.story_id),
          article_count: Number(r.n),
          first_published_at: Number(r.first),
          last_published_at: Number(r.last),
          updated_at: now,
        })),
      )
      .execute();
  }
}
