import type { ArticleEntities } from './types.js';

/**
 * Typed keys of an article's entities for the story clusterer: `person:barack obama`,
 * `org:amnesty international`, `place:EG`, `place:city:360630`, `place:region:egc`, `date:2026-11-27`.
 * Place keys do not depend on the language (القاهرة and Cairo are both `place:city:360630`), and a city
 * or region also yields its country, so "Cairo" and "Egypt" share `place:EG`.
 */
export function entityKeys(entities: ArticleEntities): string[] {
  const keys = new Set<string>();
  for (const p of entities.people) keys.add(`person:${p.key}`);
  for (const o of entities.organisations) keys.add(`org:${o.key}`);
  for (const place of entities.places) {
    keys.add(`place:${place.key}`);
    if (place.kind !== 'country' && place.country) keys.add(`place:${place.country}`);
  }
  for (const d of entities.dates) keys.add(`date:${d}`);
  return [...keys];
}
