import type { Kysely, Transaction } from 'kysely';
import { isSameEvent } from '../../pipeline/stories/language-links.js';
import type { Database } from '../schema.js';

const CHUNK = 400;
/** Stories sharing the most places and names, of which the shared days and figures are then compared. */
const CANDIDATES = 50;
/** Days between two stories' spans within which they may be one event. */
const WINDOW_MS = 3 * 24 * 3_600_000;

/** A story in another language that reports the same event, with the keys both name. */
export interface LinkedStory {
  id: number;
  title: string;
  lang: string;
  shared: string[];
}

/** Stores each assigned article's linking keys (in the assignment's transaction). */
export async function saveLinkingKeys(
  trx: Transaction<Database>,
  rows: { articleId: number; storyId: number; lang: string; keys: string[] }[],
): Promise<void> {
  const values = rows.flatMap((r) =>
    r.keys.map((key) => ({ article_id: r.articleId, story_id: r.storyId, lang: r.lang, key })),
  );
  for (let i = 0; i < values.length; i += CHUNK)
    await trx.insertInto('story_article_keys').values(values.slice(i, i + CHUNK)).execute();
}

/**
 * The stories in another language that report the same event as story `id`: those sharing the
 * most places and names with it, whose spans lie within three days of its own, and whose shared
 * keys pass `isSameEvent`. Best first.
 */
export async function linkedStories(db: Kysely<Database>, id: number, limit = 10): Promise<LinkedStory[]> {
  const own = await db.selectFrom('story_article_keys').select(['key', 'lang']).where('story_id', '=', id).execute();
  if (own.length === 0) return [];
  const langs = [...new Set(own.map((r) => r.lang))];
  const keys = [...new Set(own.map((r) => r.key))];
  const who = keys.filter((k) => !k.startsWith('date:') && !k.startsWith('number:')).slice(0, 200);
  const span = await db
    .selectFrom('stories')
    .select(['first_published_at', 'last_published_at'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (who.length === 0 || !span) return [];
  const candidates = await db
    .selectFrom('story_article_keys as k')
    .innerJoin('stories as s', 's.id', 'k.story_id')
    .select(['k.story_id', (eb) => eb.fn.count<number>('k.key').distinct().as('n')])
    .where('k.key', 'in', who)
    .where('k.story_id', '!=', id)
    .where('k.lang', 'not in', langs)
    .where('s.last_published_at', '>=', Number(span.first_published_at) - WINDOW_MS)
    .where('s.first_published_at', '<=', Number(span.last_published_at) + WINDOW_MS)
    .groupBy('k.story_id')
    .orderBy('n', 'desc')
    .orderBy('k.story_id', 'desc')
    .limit(CANDIDATES)
    .execute();
  if (candidates.length === 0) return [];
  const ids = candidates.map((c) => Number(c.story_id));
  const sharedRows = await db
    .selectFrom('story_article_keys')
    .select(['story_id', 'key', 'lang'])
    .where('story_id', 'in', ids)
    .where('key', 'in', keys)
    .where('lang', 'not in', langs)
    .execute();
  const shared = new Map<number, { keys: Set<string>; lang: string }>();
  for (const r of sharedRows) {
    const entry = shared.get(Number(r.story_id)) ?? { keys: new Set<string>(), lang: r.lang };
    entry.keys.add(r.key);
    shared.set(Number(r.story_id), entry);
  }
  const linked = [...shared]
    .filter(([, entry]) => isSameEvent([...entry.keys]))
    .sort(([, a], [, b]) => b.keys.size - a.keys.size)
    .slice(0, limit);
  if (linked.length === 0) return [];
  const titles = await db
    .selectFrom('articles')
    .select(['id', 'title'])
    .where(
      'id',
      'in',
      linked.map(([storyId]) => storyId),
    )
    .execute();
  const titleOf = new Map(titles.map((t) => [Number(t.id), t.title]));
  return linked.map(([storyId, entry]) => ({
    id: storyId,
    title: titleOf.get(storyId) ?? '',
    lang: entry.lang,
    shared: [...entry.keys].sort((a, b) => kindRank(a) - kindRank(b) || a.localeCompare(b)),
  }));
}

const KINDS = ['place', 'person', 'org', 'date', 'number'];

/** Places and names first, then days and figures: what people look for first. */
function kindRank(key: string): number {
  const rank = KINDS.indexOf(key.slice(0, key.indexOf(':')));
  return rank < 0 ? KINDS.length : rank;
}
