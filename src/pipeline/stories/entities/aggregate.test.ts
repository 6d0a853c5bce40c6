import { describe, expect, it } from 'vitest';
import { aggregateStoryEntities, extractEntities } from './index.js';
import type { ArticleEntities } from './types.js';

const published = new Date('2026-11-26T09:00:00Z');

describe('aggregateStoryEntities', () => {
  const articles: ArticleEntities[] = [
    extractEntities('Barack Obama arrived in Cairo on Tuesday. Obama met Egyptian officials in Cairo.', {
      lang: 'en',
      published,
    }),
    extractEntities('Obama, the former U.S. president, visited Cairo and Alexandria on 24 November.', {
      lang: 'en',
      published,
    }),
    extractEntities('وصل أوباما إلى القاهرة يوم 24 نوفمبر، ثم زار الإسكندرية.', { lang: 'ar', published }),
  ];
  const story = aggregateStoryEntities(articles);

  it('counts the articles naming each place across languages, most widely named first', () => {
    expect(story.places[0]).toMatchObject({ key: 'city:360630', articles: 3, kind: 'city', country: 'EG' });
    expect(story.places[0]!.names).toEqual({ en: 'Cairo', ar: 'القاهرة' });
    expect(story.places.find((p) => p.key === 'city:361058')).toMatchObject({ articles: 2 });
  });

  it('counts people by key and keeps the most used name', () => {
    expect(story.people[0]).toMatchObject({ articles: 1, name: 'Barack Obama', mentions: 2 });
  });

  it('counts dates by article', () => {
    expect(story.dates[0]).toEqual({ date: '2026-11-24', articles: 3 });
  });

  it('fills the other language from the gazetteer and respects the limit', () => {
    const english = aggregateStoryEntities([articles[0]!, articles[1]!], 1);
    expect(english.places).toHaveLength(1);
    expect(english.places[0]!.names).toEqual({ en: 'Cairo', ar: 'القاهرة' });
  });

  it('answers empty lists for no articles', () => {
    expect(aggregateStoryEntities([])).toEqual({ people: [], organisations: [], places: [], dates: [] });
  });
});
