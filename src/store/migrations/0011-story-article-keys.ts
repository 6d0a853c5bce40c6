import type { Kysely } from 'kysely';
import type { StoreCapabilities } from '../capabilities.js';

/**
 * The keys by which a story is linked with coverage of the same event in another language
 * (places, people, days, figures: see pipeline/stories/language-links.ts), one row per article
 * and key, with the article's language. Rows go with their assignment.
 */
export const storyArticleKeysMigration = (caps: StoreCapabilities) => ({
  async up(db: Kysely<unknown>): Promise<void> {
    const idType = caps.dialect === 'sqlite' ? 'integer' : 'bigint';
    await db.schema
      .createTable('story_article_keys')
      .addColumn('article_id', idType, (c) =>
        c.notNull().references('story_assignments.article_id').onDelete('cascade'),
      )
      .addColumn('story_id', idType, (c) => c.notNull())
      .addColumn('lang', 'text', (c) => c.notNull())
      .addColumn('key', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('story_article_keys_pk', ['article_id', 'key'])
      .execute();
    await db.schema.createIndex('story_article_keys_key').on('story_article_keys').columns(['key', 'story_id']).execute();
    await db.schema.createIndex('story_article_keys_story').on('story_article_keys').column('story_id').execute();
  },
});
