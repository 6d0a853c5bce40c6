import { sql, type Kysely } from 'kysely';
import type { StoreCapabilities } from '../capabilities.js';

/**
 * Stories: one assignment per article in the order the clusterer saw them (`sequence`), the
 * stories they form, and one state row whose version every writer checks and bumps, so only
 * one assignment stream writes at a time whatever the number of processes.
 */
export const storiesMigration = (caps: StoreCapabilities) => ({
  async up(db: Kysely<unknown>): Promise<void> {
    const ts = caps.timestampType;
    const idType = caps.dialect === 'sqlite' ? 'integer' : 'bigint';
    await db.schema
      .createTable('story_assignments')
      .addColumn('article_id', idType, (c) => c.primaryKey().references('articles.id').onDelete('cascade'))
      .addColumn('sequence', idType, (c) => c.notNull().unique())
      // The id of the article that opened the story.
      .addColumn('story_id', idType, (c) => c.notNull())
      .addColumn('is_new_story', 'integer', (c) => c.notNull())
      .addColumn('duplicate_of', idType)
      .addColumn('original_id', idType)
      .addColumn('evidence', 'text', (c) => c.notNull())
      .addColumn('diff', 'text')
      .addColumn('quantities', 'text', (c) => c.notNull())
      .addColumn('claims', 'text', (c) => c.notNull())
      .addColumn('assigned_at', ts, (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('story_assignments_story')
      .on('story_assignments')
      .columns(['story_id', 'sequence'])
      .execute();
    await db.schema
      .createTable('stories')
      .addColumn('id', idType, (c) => c.primaryKey())
      .addColumn('article_count', 'integer', (c) => c.notNull())
      .addColumn('first_published_at', ts, (c) => c.notNull())
      .addColumn('last_published_at', ts, (c) => c.notNull())
      .addColumn('updated_at', ts, (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('story_state')
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('sequence', idType, (c) => c.notNull())
      .addColumn('version', idType, (c) => c.notNull())
      .execute();
    await sql`insert into story_state (name, sequence, version) values ('assignments', 0, 0)`.execute(db);
  },
});
