/** One entity as an article names it. */
export interface EntityMention {
  /** The surface form shown to people (the fullest or most frequent in the article). */
  name: string;
  /** Normalised form, the same across articles (and, for places, across languages). */
  key: string;
  /** How many times the article names it. */
  count: number;
}

export type PlaceKind = 'country' | 'region' | 'city';

export interface PlaceMention extends EntityMention {
  kind: PlaceKind;
  /** ISO 3166-1 alpha-2 code of the country the place is in (its own code for a country). */
  country: string;
}

/** What one article names: stored per article, aggregated per story. */
export interface ArticleEntities {
  people: EntityMention[];
  organisations: EntityMention[];
  places: PlaceMention[];
  /** Days (YYYY-MM-DD) the text refers to, in order of first mention. */
  dates: string[];
}

export interface ExtractEntitiesOptions {
  /** BCP 47 language of the text; guessed from the script when missing. */
  lang?: string | null;
  title?: string;
  /** Publication time: relative dates ("on Tuesday", "yesterday") are resolved against it. */
  published?: Date;
}

/** An entity across the articles of a story. */
export interface StoryEntity {
  key: string;
  name: string;
  /** Articles that name it. */
  articles: number;
  /** Mentions over all articles. */
  mentions: number;
}

export interface StoryPlace extends StoryEntity {
  kind: PlaceKind;
  country: string;
  /** Names in each language when articles in that language named the place (or the gazetteer has one). */
  names: { en?: string; ar?: string };
}

export interface StoryEntities {
  people: StoryEntity[];
  organisations: StoryEntity[];
  places: StoryPlace[];
  dates: Array<{ date: string; articles: number }>;
}
