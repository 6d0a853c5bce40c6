import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Logger } from '../../platform/logger.js';
import { findClaims, type AttributedClaim } from '../stories/claims.js';
import { diffSummary, type DiffSummary } from '../stories/diff-summary.js';
import { entityKeys, extractEntities, languageOf, type ArticleEntities } from '../stories/entities/index.js';
import { linkingKeys } from '../stories/language-links.js';
import { findQuantities, type Quantity } from '../stories/quantities.js';
import { StoryClusterer, type StoryClustererOptions } from '../stories/story-clusterer.js';
import type { StoryArticle, StoryEvidence } from '../stories/types.js';
import { toStoryArticle, type StoredStoryArticle } from './story-input.js';

/** Where the stream stands: the last sequence stored, and a version every write changes. */
export interface StreamPosition {
  sequence: number;
  version: number;
}

/** One article's assignment, as stored. */
export interface AssignmentRecord {
  articleId: number;
  sequence: number;
  storyId: number;
  isNewStory: boolean;
  duplicateOf: number | null;
  evidence: StoryEvidence;
  quantities: Quantity[];
  claims: AttributedClaim[];
  entities: ArticleEntities;
  /** The language its entities were read in, and the keys that link it across languages. */
  lang: string;
  linkingKeys: string[];
}

/** The original of a copy group as decided now, for one member, with how much the member changed. */
export interface OriginalUpdate {
  articleId: number;
  originalId: number;
  diff: DiffSummary | null;
}

/** An article stored earlier that a split moved to another story. */
export interface StoryMove {
  articleId: number;
  storyId: number;
}

/** What assignment needs from the store, passed in by the composition root. */
export interface StoryStreamStore {
  position(): Promise<StreamPosition>;
  /**
   * Articles without an assignment, by id, up to the first whose page was fetched or is being
   * fetched since `waitForPagesSince` but not yet extracted: later ids wait with it, so the
   * stream keeps id order and a recluster gives the same answers.
   */
  unassigned(limit: number, waitForPagesSince?: number): Promise<StoredStoryArticle[]>;
  countUnassigned(): Promise<number>;
  /** Assigned articles with `fromSequence <= sequence <= toSequence`, in sequence order. */
  assigned(
    fromSequence: number,
    toSequence: number,
    limit: number,
  ): Promise<(StoredStoryArticle & { sequence: number })[]>;
  /** The first sequence to replay so that every story active in the last `windowMs` is rebuilt whole. */
  replayStart(windowMs: number): Promise<number>;
  /** The text each article is clustered on (see `storyText`). */
  texts(articleIds: number[]): Promise<Map<number, string>>;
  /**
   * Stores a batch if the stream is still at `expected`; false when another writer moved it.
   * `moves` puts articles stored earlier into the story a split gave them (the first article of
   * a story is the one it is named after, as when it opened it).
   */
  record(
    expected: StreamPosition,
    records: AssignmentRecord[],
    originals: OriginalUpdate[],
    moves: StoryMove[],
    now: number,
  ): Promise<boolean>;
  /** Removes the assignments from `sequence` on; returns the new position. */
  clearFrom(sequence: number, now: number): Promise<StreamPosition>;
  /** The first sequence whose article was first seen at or after `time`, if any. */
  firstSequenceSeenSince(time: number): Promise<number | undefined>;
}

export interface StoryAssignerDependencies {
  store: StoryStreamStore;
  logger: Logger;
  now(): number;
  options?: Partial<StoryClustererOptions>;
  batchSize?: number;
  /** How long an article whose page is being fetched waits for its extracted text (0: not at all). */
  pageWaitMs?: number;
}

export type Progress = (done: number, total: number, phase: 'replay' | 'assign') => void;

const PAGE = 500;
/**
 * Articles clustered between two turns of the event loop: on SQLite every query resolves
 * without one, so a web server in the same process would otherwise wait for the whole run.
 */
const ARTICLES_PER_TURN = 10;
const MAX_DECIDED = 200_000;

/**
 * Feeds unassigned articles, by id, to one warm clusterer and stores its answers. The
 * clusterer is kept between runs; when the stored stream moved without it (another process,
 * a recluster) it is rebuilt by replaying the stories still in the active window, so any
 * process can take over. A write is refused when the stream moved meanwhile.
 */
export class StoryAssigner {
  private clusterer: StoryClusterer | undefined;
  private fed: StreamPosition | undefined;
  private readonly batchSize: number;
  /**
   * The original last stored for each copy: when a group grows and keeps its original, the
   * earlier members' diffs are not computed again. Cleared with the clusterer.
   */
  private readonly decided = new Map<number, number>();
  /** Runs of this assigner one after another: they share one clusterer. */
  private running: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: StoryAssignerDependencies) {
    this.batchSize = deps.batchSize ?? 50;
  }

  /** Assigns pending articles, up to `limit`; returns how many, and whether another writer got in the way. */
  assignPending(limit = Infinity, progress?: Progress): Promise<{ assigned: number; conflict: boolean }> {
    return this.exclusive(() => this.assignLoop(limit, progress));
  }

  /** Drops the in-memory state: the next run rebuilds it from the store. */
  private forget(): void {
    this.clusterer = undefined;
    this.decided.clear();
  }

  private exclusive<T>(run: () => Promise<T>): Promise<T> {
    const result = this.running.then(run);
    this.running = result.catch(() => undefined);
    return result;
  }

  private async assignLoop(
    limit: number,
    progress?: Progress,
  ): Promise<{ assigned: number; conflict: boolean }> {
    let assigned = 0;
    const total = progress ? await this.deps.store.countUnassigned() : 0;
    try {
      while (assigned < limit) {
        const position = await this.deps.store.position();
        if (!this.clusterer || !this.fed || this.fed.version !== position.version)
          await this.rebuild(position);
        const waitSince = this.deps.pageWaitMs ? this.deps.now() - this.deps.pageWaitMs : undefined;
        const batch = await this.deps.store.unassigned(Math.min(this.batchSize, limit - assigned), waitSince);
        if (batch.length === 0) break;
        const stored = await this.feed(this.clusterer!, position, batch);
        if (!stored) {
          this.forget();
          return { assigned, conflict: true };
        }
        this.fed = stored;
        assigned += batch.length;
        progress?.(assigned, Math.max(total, assigned), 'assign');
      }
    } catch (error) {
      // The clusterer may hold answers that were never stored.
      this.forget();
      throw error;
    }
    return { assigned, conflict: false };
  }

  /**
   * Clears the assignments of articles first seen since `since` (all without it) and
   * assigns them again in order. Everything before is replayed first, so the answers are
   * those the stream gave.
   */
  recluster(
    since: number | undefined,
    progress?: Progress,
  ): Promise<{ assigned: number; conflict: boolean }> {
    return this.exclusive(() => this.reclusterNow(since, progress));
  }

  private async reclusterNow(
    since: number | undefined,
    progress?: Progress,
  ): Promise<{ assigned: number; conflict: boolean }> {
    const store = this.deps.store;
    const start =
      since === undefined
        ? 1
        : ((await store.firstSequenceSeenSince(since)) ?? (await store.position()).sequence + 1);
    const position = await store.clearFrom(start, this.deps.now());
    this.forget();
    this.clusterer = new StoryClusterer(this.deps.options);
    await this.replay(this.clusterer, 1, position.sequence, progress);
    this.fed = position;
    return this.assignLoop(Infinity, progress);
  }

  private async rebuild(position: StreamPosition): Promise<void> {
    const clusterer = new StoryClusterer(this.deps.options);
    const windowMs = clusterer.options.windowHours * 3_600_000;
    const from = position.sequence === 0 ? 1 : await this.deps.store.replayStart(windowMs);
    const replayed = await this.replay(clusterer, from, position.sequence);
    this.deps.logger.info({
      event: 'story_clusterer_rebuilt',
      from_sequence: from,
      to_sequence: position.sequence,
      replayed,
    });
    this.decided.clear();
    this.clusterer = clusterer;
    this.fed = position;
  }

  private async replay(
    clusterer: StoryClusterer,
    from: number,
    to: number,
    progress?: Progress,
  ): Promise<number> {
    let next = from;
    let replayed = 0;
    while (next <= to) {
      const page = await this.deps.store.assigned(next, to, PAGE);
      if (page.length === 0) break;
      for (const [index, article] of page.entries()) {
        const input = toStoryArticle(article);
        // The entities stored with the assignment: finding them again would cost more than clustering.
        const entities = article.entities ?? findEntities(input);
        clusterer.add({ ...input, entities: entityKeys(entities) });
        if (index % ARTICLES_PER_TURN === ARTICLES_PER_TURN - 1) await nextTurn();
      }
      replayed += page.length;
      next = page[page.length - 1]!.sequence + 1;
      progress?.(replayed, to - from + 1, 'replay');
    }
    return replayed;
  }

  private async feed(
    clusterer: StoryClusterer,
    position: StreamPosition,
    batch: StoredStoryArticle[],
  ): Promise<StreamPosition | undefined> {
    const texts = new Map<number, string>();
    const records: AssignmentRecord[] = [];
    const groups = new Map<number, { original: number; members: number[] }>();
    const moves = new Map<number, number>();
    for (const [index, article] of batch.entries()) {
      if (index > 0 && index % ARTICLES_PER_TURN === 0) await nextTurn();
      const input = toStoryArticle(article);
      texts.set(article.id, input.text);
      const entities = findEntities(input);
      const answer = clusterer.add({ ...input, entities: entityKeys(entities) });
      records.push({
        articleId: article.id,
        sequence: position.sequence + index + 1,
        storyId: Number(answer.story),
        isNewStory: answer.isNewStory,
        duplicateOf: answer.duplicateOf === undefined ? null : Number(answer.duplicateOf),
        evidence: answer.evidence,
        quantities: findQuantities(input.text),
        claims: findClaims(input.text),
        entities,
        lang: languageOf(input.text, input.lang),
        linkingKeys: linkingKeys(entities, input.text),
      });
      for (const move of answer.moved ?? []) moves.set(Number(move.id), Number(move.story));
      if (answer.original !== undefined) {
        const members = clusterer.copyGroup(answer.id).map(Number);
        const original = Number(answer.original);
        for (const member of members)
          if (this.decided.get(member) !== original || member === article.id)
            groups.set(member, { original, members });
      }
    }
    const originals = await this.originalUpdates(groups, texts);
    // A split can move articles of this batch too: they are stored where they ended up.
    for (const record of records) {
      const story = moves.get(record.articleId);
      if (story === undefined) continue;
      record.storyId = story;
      record.isNewStory = story === record.articleId;
      moves.delete(record.articleId);
    }
    const earlier = [...moves].map(([articleId, storyId]) => ({ articleId, storyId }));
    const stored = await this.deps.store.record(position, records, originals, earlier, this.deps.now());
    if (stored) for (const o of originals) this.decided.set(o.articleId, o.originalId);
    if (this.decided.size > MAX_DECIDED) this.decided.clear();
    return stored ? { sequence: position.sequence + batch.length, version: position.version + 1 } : undefined;
  }

  /** Every member of each touched copy group gets its group's original and its diff against it. */
  private async originalUpdates(
    groups: Map<number, { original: number; members: number[] }>,
    texts: Map<number, string>,
  ): Promise<OriginalUpdate[]> {
    const missing = new Set<number>();
    for (const [member, group] of groups)
      for (const id of [member, group.original]) if (!texts.has(id)) missing.add(id);
    if (missing.size) for (const [id, text] of await this.deps.store.texts([...missing])) texts.set(id, text);
    const updates: OriginalUpdate[] = [];
    for (const [articleId, group] of groups) {
      const diff =
        articleId === group.original
          ? null
          : diffSummary(texts.get(group.original) ?? '', texts.get(articleId) ?? '');
      updates.push({ articleId, originalId: group.original, diff });
      if (updates.length % ARTICLES_PER_TURN === 0) await nextTurn();
    }
    return updates;
  }
}

/** The people, organisations, places and dates an article names. */
function findEntities(input: StoryArticle): ArticleEntities {
  const reference = input.published ?? input.firstSeen;
  return extractEntities(input.text, {
    lang: input.lang ?? null,
    ...(input.title ? { title: input.title } : {}),
    // Relative dates ("on Tuesday") count from publication, else from when the article was first seen.
    ...(reference ? { published: new Date(reference) } : {}),
  });
}
