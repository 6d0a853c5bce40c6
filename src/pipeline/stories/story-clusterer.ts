import {
  articleVector,
  defaultVectorWeights,
  displayTerm,
  type SparseVector,
  type VectorWeights,
} from './article-vector.js';
import { articleTime } from './article-time.js';
import { CopyGroups } from './copy-groups.js';
import { datelineLength } from './dateline.js';
import { findBylineCredits, findCredits } from './credits.js';
import { defaultDuplicateOptions, DuplicateIndex, type DuplicateOptions } from './near-duplicates.js';
import type { CopyCandidate } from './provenance.js';
import { defaultStoryIndexLimits, StoryIndex, type StoryIndexLimits } from './story-index.js';
import { StoryAges, leadAges } from './lead-ages.js';
import { StorySubjects } from './story-subjects.js';
import { defaultStorySplitOptions, splitByNeighbours, type StorySplitOptions } from './story-splits.js';
import { RecentArticles, type RecentArticle } from './recent-articles.js';
import { indexOfId } from './term-ranking.js';
import { TermStatistics } from './term-statistics.js';
import { words } from '../text/tokens.js';
import type { StoryArticle, StoryAssignment } from './types.js';

/** Settings of the streaming clusterer; every field has a measured default. */
export interface StoryClustererOptions {
  /** Cosine similarity to a story's centroid at or above which an article joins it. */
  joinThreshold: number;
  /**
   * The same for an article about the person the story is about (the subject of at least half its
   * articles), which needs no least key similarity either: sharing the subject is the evidence.
   */
  subjectJoinThreshold: number;
  /** Weight of ordinary-word similarity; the rest goes to names and numbers. */
  wordShare: number;
  /** Least word similarity to join, whatever the names say. */
  minWordSimilarity: number;
  /** Least similarity of names and numbers to join: two events of one kind differ in these. */
  minKeySimilarity: number;
  /** Exponent on inverse document frequency (see TermStatistics). */
  idfPower: number;
  /** Days between event times that cost nothing: follow-ups and late coverage of one event. */
  graceDays: number;
  /** Stories not updated for this long (by article time) leave the active window. */
  windowHours: number;
  /** At most this many stories stay active; the least recently updated leave first. */
  maxActiveStories: number;
  /**
   * Similarity lost per day (beyond the grace days) between the article's publication time
   * and the nearest publication time of the story's articles.
   */
  decayPerDay: number;
  /** Articles with fewer content terms than this open their own story: too little to match on. */
  minTerms: number;
  /** Articles remembered for copy groups and story lookups. */
  maxTrackedArticles: number;
  vector: VectorWeights;
  index: StoryIndexLimits;
  duplicates: DuplicateOptions;
  /** Checks that split a story grown from two events; `false` never splits. */
  splits: StorySplitOptions | false;
}

export const defaultStoryClustererOptions: StoryClustererOptions = {
  joinThreshold: 0.18,
  subjectJoinThreshold: 0.15,
  wordShare: 0.5,
  idfPower: 0.7,
  minWordSimilarity: 0.05,
  minKeySimilarity: 0.18,
  windowHours: 24 * 7,
  maxActiveStories: 200_000,
  decayPerDay: 0.02,
  graceDays: 2,
  minTerms: 5,
  maxTrackedArticles: 200_000,
  vector: defaultVectorWeights,
  index: defaultStoryIndexLimits,
  duplicates: defaultDuplicateOptions,
  splits: defaultStorySplitOptions,
};

interface ActiveStory {
  id: string;
  /** Latest arrival time (for the window). */
  lastTime: number;
  /** Range of the event times of its articles (NaN when none had one). */
  firstEvent: number;
  lastEvent: number;
  size: number;
  /** Its articles in arrival order, while a split check may still come (see StorySplitOptions). */
  members?: string[];
}

/**
 * Streaming story clustering: each article, as it arrives, joins the most similar active
 * story or opens a new one. Similarity is TF-IDF cosine against the story's centroid, over
 * content words, title words and names (which keep apart two events of the same kind), less a
 * penalty for time distance. Only a window of recent stories is searched, through an
 * inverted index, so the cost per article stays flat as the archive grows. Feeding stored
 * articles again in the same order rebuilds the same state and the same answers.
 */
export class StoryClusterer {
  readonly options: StoryClustererOptions;
  private readonly statistics: TermStatistics;
  private readonly index: StoryIndex;
  private readonly subjects = new StorySubjects();
  private readonly ages = new StoryAges();
  private readonly stories = new Map<number, ActiveStory>();
  private readonly slotOfStory = new Map<string, number>();
  private readonly storyOfArticle = new Map<string, string>();
  private readonly duplicates: DuplicateIndex;
  private readonly copies: CopyGroups;
  private readonly recent: RecentArticles;
  private latestTime = 0;
  private arrivals = 0;

  constructor(options: Partial<StoryClustererOptions> = {}) {
    this.options = { ...defaultStoryClustererOptions, ...options };
    this.statistics = new TermStatistics(this.options.idfPower);
    this.index = new StoryIndex(this.statistics, this.options.index);
    this.duplicates = new DuplicateIndex(this.options.duplicates, this.options.maxTrackedArticles);
    this.copies = new CopyGroups(this.options.maxTrackedArticles);
    const splits = this.options.splits;
    this.recent = new RecentArticles(splits ? splits.rememberedArticles : 0, this.options.vector.maxTerms);
  }

  /** Places one article and says where, with the evidence. */
  add(article: StoryArticle): StoryAssignment {
    this.arrivals++;
    const time = articleTime(article) ?? this.latestTime;
    this.latestTime = Math.max(this.latestTime, time);
    if (this.arrivals % 256 === 0) this.evictStale();
    const text = typeof article.text === 'string' ? article.text : '';
    const textWords = words(text);
    const copy = this.duplicates.add(article.id, textWords);
    const verdict = this.copies.add(this.copyCandidate(article, text, time), copy);
    const vector = this.vectorOf(article, text, textWords);
    const copiedStory = copy ? this.storyOfArticle.get(copy.of) : undefined;
    const copiedSlot = copiedStory === undefined ? undefined : this.slotOfStory.get(copiedStory);
    // Only a publisher's date is an event time; first-seen times say when a source was polled.
    const eventTime = articleTime({ published: article.published }) ?? NaN;
    const ages = leadAges(article.title ?? '', text);
    const best =
      copiedSlot !== undefined
        ? { slot: copiedSlot, similarity: 1 }
        : this.bestStory(vector, eventTime, ages);
    this.statistics.addDocument(vector.ids);
    let assignment: StoryAssignment;
    if (best) {
      const story = this.stories.get(best.slot)!;
      // Shared ids are the vector's own, found by binary search rather than a map of all its terms.
      const shared = [
        ...new Set(
          this.index
            .sharedTerms(best.slot, vector, 10)
            .map((id) => displayTerm(vector.terms[indexOfId(vector.ids, id)] ?? '')),
        ),
      ].slice(0, 8);
      this.index.absorb(best.slot, vector);
      this.subjects.record(best.slot, vector);
      this.ages.record(best.slot, ages);
      story.size++;
      story.lastTime = Math.max(story.lastTime, time);
      if (!Number.isNaN(eventTime)) {
        story.firstEvent = Number.isNaN(story.firstEvent) ? eventTime : Math.min(story.firstEvent, eventTime);
        story.lastEvent = Number.isNaN(story.lastEvent) ? eventTime : Math.max(story.lastEvent, eventTime);
      }
      this.stories.delete(best.slot);
      this.stories.set(best.slot, story);
      this.rememberMember(story, article.id, { vector, ages, time, eventTime });
      assignment = {
        id: article.id,
        story: story.id,
        isNewStory: false,
        evidence: { similarity: round(best.similarity), sharedTerms: shared },
      };
    } else {
      const story = copiedStory ?? article.id;
      if (copiedStory === undefined && vector.ids.length >= this.options.minTerms) {
        const slot = this.index.open(vector);
        this.subjects.record(slot, vector);
        this.ages.record(slot, ages);
        const opened: ActiveStory = {
          id: story,
          lastTime: time,
          firstEvent: eventTime,
          lastEvent: eventTime,
          size: 1,
        };
        this.stories.set(slot, opened);
        this.rememberMember(opened, article.id, { vector, ages, time, eventTime });
        this.slotOfStory.set(story, slot);
        if (this.stories.size > this.options.maxActiveStories) this.evictOldest();
      }
      assignment = {
        id: article.id,
        story,
        isNewStory: copiedStory === undefined,
        evidence: { similarity: 0, sharedTerms: [] },
      };
    }
    this.rememberStory(article.id, assignment.story);
    if (best) {
      const moved = this.splitIfTwoEvents(best.slot);
      if (moved.length > 0) {
        assignment.story = this.storyOfArticle.get(article.id)!;
        const others = moved.filter((m) => m.id !== article.id);
        if (others.length > 0) assignment.moved = others;
      }
    }
    if (copy) {
      assignment.duplicateOf = copy.of;
      assignment.evidence.copy = {
        of: copy.of,
        exact: copy.exact,
        jaccard: copy.jaccard,
        containment: copy.containment,
      };
    }
    if (verdict) {
      assignment.original = verdict.original;
      assignment.evidence.provenance = verdict.scores;
    }
    return assignment;
  }

  /** The story an article is in now (a split may have moved it since it was placed). */
  storyOf(id: string): string | undefined {
    return this.storyOfArticle.get(id);
  }

  /** The ids of the copies in an article's copy group, itself included. */
  copyGroup(id: string): string[] {
    return [...this.copies.groupMembers(id)];
  }

  /**
   * The story to join, if any: the best blend of word and key similarity, less the time between
   * events, among the stories whose leads do not contradict the article's (other subject, other age).
   */
  private bestStory(
    vector: SparseVector,
    eventTime: number,
    ages: readonly number[],
  ): { slot: number; similarity: number } | undefined {
    if (vector.ids.length < this.options.minTerms) return undefined;
    let best: { slot: number; similarity: number } | undefined;
    for (const match of this.index.match(vector, () => true)) {
      const story = this.stories.get(match.slot)!;
      const sameSubject = this.subjects.sharesSubject(match.slot, vector);
      if (match.words < this.options.minWordSimilarity) continue;
      if (!sameSubject && match.keys < this.options.minKeySimilarity) continue;
      if (this.subjects.conflicts(match.slot, vector)) continue;
      if (this.ages.conflicts(match.slot, ages)) continue;
      const gap = Math.max(0, story.firstEvent - eventTime, eventTime - story.lastEvent);
      const days = Number.isNaN(gap) ? 0 : Math.max(0, gap / 86_400_000 - this.options.graceDays);
      const blend = this.options.wordShare * match.words + (1 - this.options.wordShare) * match.keys;
      const similarity = blend - this.options.decayPerDay * days;
      const threshold = sameSubject ? this.options.subjectJoinThreshold : this.options.joinThreshold;
      if (similarity >= threshold && (!best || similarity > best.similarity))
        best = { slot: match.slot, similarity };
    }
    return best;
  }

  /** Notes an article of a story while the story may still be checked for a split. */
  private rememberMember(story: ActiveStory, id: string, facts: RecentArticle): void {
    const splits = this.options.splits;
    if (!splits) return;
    const last = splits.checkAtSizes[splits.checkAtSizes.length - 1] ?? 0;
    if (story.size > last) {
      story.members = undefined;
      return;
    }
    (story.members ??= []).push(id);
    this.recent.remember(id, facts);
  }

  /**
   * At the sizes the options name, looks for two events grown into one story (see
   * splitByNeighbours) and makes each part a story of its own: the part holding the first
   * article keeps the story, every other part becomes a story named after its first article.
   * Returns the articles that changed story. Needs every article's facts: a story whose oldest
   * articles were forgotten is not checked.
   */
  private splitIfTwoEvents(slot: number): { id: string; story: string }[] {
    const splits = this.options.splits;
    const story = this.stories.get(slot);
    if (!splits || !story?.members || !splits.checkAtSizes.includes(story.size)) return [];
    const members = story.members;
    const facts = members.map((id) => this.recent.get(id));
    if (facts.some((f) => f === undefined)) return [];
    const known = facts as RecentArticle[];
    const parts = splitByNeighbours(
      known.map((f) => f.vector),
      (id) => this.statistics.idf(id),
      splits,
    );
    if (!parts) return [];
    this.closeStory(slot);
    const moved: { id: string; story: string }[] = [];
    for (const part of parts) {
      const id = part[0] === 0 ? story.id : members[part[0]!]!;
      this.rebuildStory(
        id,
        part.map((position) => members[position]!),
        part.map((position) => known[position]!),
      );
      if (id !== story.id) for (const position of part) moved.push({ id: members[position]!, story: id });
    }
    return moved;
  }

  /** Opens a story again from its articles, in arrival order, and points them at it. */
  private rebuildStory(id: string, memberIds: string[], facts: RecentArticle[]): void {
    const slot = this.index.open(facts[0]!.vector);
    const story: ActiveStory = {
      id,
      lastTime: 0,
      firstEvent: NaN,
      lastEvent: NaN,
      size: memberIds.length,
      members: [...memberIds],
    };
    for (const [n, member] of facts.entries()) {
      if (n > 0) this.index.absorb(slot, member.vector);
      this.subjects.record(slot, member.vector);
      this.ages.record(slot, member.ages);
      story.lastTime = Math.max(story.lastTime, member.time);
      if (!Number.isNaN(member.eventTime)) {
        story.firstEvent = Number.isNaN(story.firstEvent)
          ? member.eventTime
          : Math.min(story.firstEvent, member.eventTime);
        story.lastEvent = Number.isNaN(story.lastEvent)
          ? member.eventTime
          : Math.max(story.lastEvent, member.eventTime);
      }
      this.storyOfArticle.set(memberIds[n]!, id);
    }
    this.stories.set(slot, story);
    this.slotOfStory.set(id, slot);
  }

  /**
   * The article's terms, without the dateline that heads wire stories: the same place, date and
   * agency on every story an agency files that day would make them one story.
   */
  private vectorOf(article: StoryArticle, text: string, textWords: string[]): SparseVector {
    const skip = datelineLength(text);
    if (skip === 0)
      return articleVector({ ...article, text }, this.statistics, this.options.vector, textWords);
    const dropped = words(text.slice(0, skip)).length;
    return articleVector(
      { ...article, text: text.slice(skip) },
      this.statistics,
      this.options.vector,
      textWords.slice(dropped),
    );
  }

  private copyCandidate(article: StoryArticle, text: string, time: number): CopyCandidate {
    const published = articleTime({ published: article.published });
    const firstSeen = articleTime({ firstSeen: article.firstSeen });
    return {
      id: article.id,
      published,
      firstSeen: firstSeen ?? (published === undefined ? time : undefined),
      pollIntervalMinutes: article.pollIntervalMinutes,
      source: article.source,
      url: article.url,
      canonicalUrl: article.canonicalUrl,
      links: article.links,
      credits: [
        ...findCredits(text),
        ...(typeof article.byline === 'string' ? findBylineCredits(article.byline) : []),
      ],
    };
  }

  private rememberStory(id: string, story: string): void {
    this.storyOfArticle.set(id, story);
    if (this.storyOfArticle.size > this.options.maxTrackedArticles)
      this.storyOfArticle.delete(this.storyOfArticle.keys().next().value!);
  }

  /** Counts an article in the term statistics without placing it (to warm them from an archive). */
  observe(article: StoryArticle): void {
    this.statistics.addDocument(articleVector(article, this.statistics, this.options.vector).ids);
  }

  /** Number of stories in the active window. */
  get activeStories(): number {
    return this.stories.size;
  }

  /** Bytes held by the story index (centroids, postings), the duplicate index (signatures, LSH tables) and term statistics. */
  indexMemoryBytes(): number {
    return (
      this.index.memoryBytes() +
      this.subjects.memoryBytes() +
      this.ages.memoryBytes() +
      this.stories.size * 64 +
      this.duplicates.memoryBytes() +
      this.statistics.memoryBytes() +
      this.memberBytes()
    );
  }

  /** Bytes of the articles remembered for split checks, and of the stories' member lists. */
  private memberBytes(): number {
    let bytes = this.recent.memoryBytes();
    for (const story of this.stories.values()) bytes += (story.members?.length ?? 0) * 8;
    return bytes;
  }

  // `stories` is kept in order of last update (a story is re-inserted when it grows), so the
  // stalest stories are always first and eviction never scans the whole window.
  private evictStale(): void {
    const horizon = this.latestTime - this.options.windowHours * 3_600_000;
    for (const [slot, story] of this.stories) {
      if (story.lastTime >= horizon) break;
      this.closeStory(slot);
    }
  }

  private evictOldest(): void {
    const oldest = this.stories.keys().next();
    if (!oldest.done) this.closeStory(oldest.value);
  }

  private closeStory(slot: number): void {
    const story = this.stories.get(slot);
    if (story) this.slotOfStory.delete(story.id);
    this.stories.delete(slot);
    this.index.close(slot);
    this.subjects.forget(slot);
    this.ages.forget(slot);
  }
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
