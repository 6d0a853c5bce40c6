import { mostFrequent } from './extract-entities.js';
import { gazetteer } from './gazetteer.js';
import type { ArticleEntities, EntityMention, StoryEntities, StoryEntity, StoryPlace } from './types.js';

const DEFAULT_LIMIT = 20;
const ARABIC = /[\u0600-\u06FF]/;

interface Tally {
  names: Map<string, number>;
  articles: number;
  mentions: number;
}

/**
 * A story's entities from its articles' entities: each with the number of articles naming it and its
 * most used name, most widely named first (then most mentioned, then by name); at most `limit` of each kind.
 */
export function aggregateStoryEntities(perArticle: ArticleEntities[], limit = DEFAULT_LIMIT): StoryEntities {
  const people = tally(perArticle.map((a) => a.people));
  const organisations = tally(perArticle.map((a) => a.organisations));
  const places = tally(perArticle.map((a) => a.places));
  const dates = new Map<string, number>();
  for (const a of perArticle) for (const d of new Set(a.dates)) dates.set(d, (dates.get(d) ?? 0) + 1);
  return {
    people: ranked(people, limit),
    organisations: ranked(organisations, limit),
    places: ranked(places, limit).map(withPlaceNames(places)),
    dates: [...dates]
      .map(([date, articles]) => ({ date, articles }))
      .sort((a, b) => b.articles - a.articles || a.date.localeCompare(b.date))
      .slice(0, limit),
  };
}

function tally(lists: EntityMention[][]): Map<string, Tally> {
  const byKey = new Map<string, Tally>();
  for (const list of lists) {
    const seen = new Set<string>();
    for (const { key, name, count } of list) {
      const t = byKey.get(key) ?? { names: new Map(), articles: 0, mentions: 0 };
      if (!seen.has(key)) t.articles++;
      seen.add(key);
      t.mentions += count;
      t.names.set(name, (t.names.get(name) ?? 0) + count);
      byKey.set(key, t);
    }
  }
  return byKey;
}

function ranked(byKey: Map<string, Tally>, limit: number): StoryEntity[] {
  return [...byKey]
    .map(([key, t]) => ({ key, name: mostFrequent(t.names), articles: t.articles, mentions: t.mentions }))
    .sort((a, b) => b.articles - a.articles || b.mentions - a.mentions || a.name.localeCompare(b.name))
    .slice(0, limit);
}

/** Adds kind, country and a name in each language: the articles' own, else the gazetteer's. */
function withPlaceNames(byKey: Map<string, Tally>) {
  return (entity: StoryEntity): StoryPlace => {
    const place = gazetteer().byKey.get(entity.key);
    const names = [...byKey.get(entity.key)!.names];
    const best = (arabic: boolean) => mostFrequent(new Map(names.filter(([n]) => ARABIC.test(n) === arabic)));
    const en = best(false) || place?.en || undefined;
    const ar = best(true) || place?.ar || undefined;
    return {
      ...entity,
      kind: place?.kind ?? 'city',
      country: place?.country ?? '',
      names: { ...(en ? { en } : {}), ...(ar ? { ar } : {}) },
    };
  };
}
