import type { Kysely } from 'kysely';

/**
 * The people, organisations, places and dates each article names, stored with its story
 * assignment (JSON) and aggregated per story when the story is shown. Articles assigned
 * before this migration have none until `newsdesk recluster` assigns them again.
 */
export const storyEntitiesMigration = () => ({
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('story_assignments').addColumn('entities', 'text').execute();
  },
});
