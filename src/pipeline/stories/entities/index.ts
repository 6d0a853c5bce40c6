export { extractEntities, languageOf } from './extract-entities.js';
export { entityKeys } from './entity-keys.js';
export { aggregateStoryEntities } from './aggregate.js';
export type {
  ArticleEntities,
  EntityMention,
  ExtractEntitiesOptions,
  PlaceKind,
  PlaceMention,
  StoryEntities,
  StoryEntity,
  StoryPlace,
} from './types.js';
