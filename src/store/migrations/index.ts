import type { Kysely, Migration, MigrationProvider } from 'kysely';
import type { StoreCapabilities } from '../capabilities.js';
import { initialMigration } from './0001-initial.js';
import { jobUniqueKeyIndexMigration } from './0002-job-unique-key-index.js';
import { sourceHealthMigration } from './0003-source-health.js';
import { articlePagesMigration } from './0004-article-pages.js';
import { sourceCategoryArticleRevisionsMigration } from './0006-source-category-article-revisions.js';
import { webSubMigration } from './0007-websub.js';
import { articleExtractionsMigration } from './0009-article-extractions.js';
import { storiesMigration } from './0008-stories.js';
import { storyEntitiesMigration } from './0010-story-entities.js';
import { storyArticleKeysMigration } from './0011-story-article-keys.js';
import { articleSeenSinceMigration } from './0012-article-seen-since.js';

/** A migration that may read what the dialect can do. */
export type DialectMigration = (capabilities: StoreCapabilities) => {
  up(db: Kysely<unknown>): Promise<void>;
  down?(db: Kysely<unknown>): Promise<void>;
};

/** Every migration in order. Names sort in the order they apply; never rename one that shipped. */
export const migrations: Record<string, DialectMigration> = {
  '0001-initial': initialMigration,
  '0002-job-unique-key-index': jobUniqueKeyIndexMigration,
  '0003-source-health': sourceHealthMigration,
  '0004-article-pages': articlePagesMigration,
  '0006-source-category-article-revisions': sourceCategoryArticleRevisionsMigration,
  '0007-websub': webSubMigration,
  '0008-stories': storiesMigration,
  '0009-article-extractions': articleExtractionsMigration,
  '0010-story-entities': storyEntitiesMigration,
  '0011-story-article-keys': storyArticleKeysMigration,
  '0012-article-seen-since': articleSeenSinceMigration,
};

export function migrationProvider(capabilities: StoreCapabilities): MigrationProvider {
  return {
    async getMigrations() {
      const built: Record<string, Migration> = {};
      for (const [name, migration] of Object.entries(migrations)) built[name] = migration(capabilities);
      return built;
    },
  };
}
