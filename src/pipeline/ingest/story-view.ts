import type { AttributedClaim } from '../stories/claims.js';
import type { DiffSummary } from '../stories/diff-summary.js';
import {
  aggregateStoryEntities,
  type ArticleEntities,
  type StoryEntities,
} from '../stories/entities/index.js';
import type { Quantity } from '../stories/quantities.js';
import type { StoryEvidence } from '../stories/types.js';
import type { StoredStoryArticle } from './story-input.js';

/** One article of a story with where the clusterer put it, as stored. */
export interface StoryMember extends StoredStoryArticle {
  sequence: number;
  storyId: number;
  duplicateOf: number | null;
  originalId: number | null;
  evidence: StoryEvidence;
  diff: DiffSummary | null;
  quantities: Quantity[];
  claims: AttributedClaim[];
  /** Null for articles assigned before entities were found. */
  entities: ArticleEntities | null;
}

export interface StoredStory {
  id: number;
  articleCount: number;
  firstPublishedAt: number;
  lastPublishedAt: number;
  /** In the order they were assigned. */
  members: StoryMember[];
}

/** An article as a story shows it: an original of copies, a copy (with how much it changed), or on its own. */
export interface StoryViewArticle {
  id: number;
  title: string;
  url: string | null;
  sourceName: string;
  publishedAt: number;
  role: 'original' | 'copy' | 'own';
  originalId: number | null;
  /** Share of words changed from the original (copies only), 0 to 1. */
  changedShare: number | null;
  diff: DiffSummary | null;
  /** Why this copy was chosen as the original, in plain words (originals only). */
  reasons: string[];
}

export interface StoryView {
  id: number;
  title: string;
  articleCount: number;
  firstPublishedAt: number;
  lastPublishedAt: number;
  articles: StoryViewArticle[];
  /** Facts stated in the story's articles, with how many articles state each, most stated first. */
  quantities: (Quantity & { articles: number })[];
  claims: (AttributedClaim & { articles: number })[];
  /** People, organisations, places and dates its articles name, with how many articles name each. */
  entities: StoryEntities;
  /** Stories in another language about the same event, with what both name, as people read it. */
  otherLanguages: { id: number; title: string; lang: string; shared: string[] }[];
}

/** A story in another language found to report the same event (see store/repositories/story-links.ts). */
export interface LinkedStoryRef {
  id: number;
  title: string;
  lang: string;
  shared: string[];
}

/** What a story page and `newsdesk story show` display, from the stored story. */
export function describeStory(story: StoredStory, linked: LinkedStoryRef[] = []): StoryView {
  const byId = new Map(story.members.map((m) => [m.id, m]));
  const nameOf = (id: number) => byId.get(id)?.sourceName ?? `article ${id}`;
  const entities = aggregateStoryEntities(story.members.flatMap((m) => (m.entities ? [m.entities] : [])));
  return {
    id: story.id,
    title: byId.get(story.id)?.title ?? story.members[0]?.title ?? '',
    articleCount: story.articleCount,
    firstPublishedAt: story.firstPublishedAt,
    lastPublishedAt: story.lastPublishedAt,
    articles: story.members.map((m) => {
      const role = m.originalId === null ? 'own' : m.originalId === m.id ? 'original' : 'copy';
      return {
        id: m.id,
        title: m.title,
        url: m.url,
        sourceName: m.sourceName,
        publishedAt: m.publishedAt,
        role,
        originalId: m.originalId,
        changedShare: role === 'copy' ? (m.diff?.changedShare ?? null) : null,
        diff: role === 'copy' ? m.diff : null,
        reasons: role === 'original' ? originalReasons(m.id, story.members, nameOf) : [],
      };
    }),
    quantities: tally(
      story.members,
      (m) => m.quantities,
      (q) => `${q.value}|${q.counts.toLowerCase()}`,
    ),
    claims: tally(
      story.members,
      (m) => m.claims,
      (c) => `${c.who}|${c.verb}|${c.what}`.toLowerCase(),
    ),
    entities,
    otherLanguages: linked.map((l) => ({ ...l, shared: l.shared.map((key) => readableKey(key, entities)) })),
  };
}

/** A linking key as people read it: the place's or person's name, the day, the figure. */
function readableKey(key: string, entities: StoryEntities): string {
  const [kind, ...rest] = key.split(':');
  const value = rest.join(':');
  if (kind === 'place') return entities.places.find((p) => p.key === value)?.name ?? value;
  if (kind === 'person') return entities.people.find((p) => p.key === value)?.name ?? value;
  if (kind === 'org') return entities.organisations.find((o) => o.key === value)?.name ?? value;
  return value;
}

/**
 * The reasons of the latest verdict on an original's copy group, without the points and with
 * article ids replaced by their sources' names: "credited by Daily Courier ("available at …")".
 */
function originalReasons(id: number, members: StoryMember[], nameOf: (id: number) => string): string[] {
  let latest: StoryMember | undefined;
  for (const m of members)
    if (m.originalId === id && m.evidence.provenance && (!latest || m.sequence > latest.sequence)) latest = m;
  const score = latest?.evidence.provenance?.find((s) => s.id === String(id));
  return (score?.reasons ?? [])
    .filter((reason) => !reason.startsWith('-'))
    .map((reason) =>
      reason
        .replace(/^[+-]?\d+(?:\.\d+)?\s+/, '')
        .replace(
          /\b(by|of|from|credits|to) (\d+)\b/g,
          (_, word: string, ref: string) => `${word} ${nameOf(Number(ref))}`,
        )
        .replace(/(\d{4}-\d\d-\d\d)T(\d\d:\d\d):\d\d(?:\.\d+)?Z/g, '$1 $2 UTC'),
    );
}

function tally<T>(
  members: StoryMember[],
  facts: (m: StoryMember) => T[],
  key: (fact: T) => string,
): (T & { articles: number })[] {
  const counted = new Map<string, T & { articles: number }>();
  for (const m of members) {
    const seen = new Set<string>();
    for (const fact of facts(m)) {
      const k = key(fact);
      if (seen.has(k)) continue;
      seen.add(k);
      const entry = counted.get(k);
      if (entry) entry.articles++;
      else counted.set(k, { ...fact, articles: 1 });
    }
  }
  return [...counted.values()].sort((a, b) => b.articles - a.articles);
}
