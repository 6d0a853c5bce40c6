import type { Kysely, Selectable } from 'kysely';
import type { Source } from '../../domain/source.js';
import { NewsdeskError } from '../../platform/errors.js';
import type { Database, SourcesTable } from '../schema.js';

/** Sources and their fetch state. */
export class SourceRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Adds a source to be checked at `now`; SOURCE_EXISTS when the URL is already followed. */
  async add(input: { url: string; title?: string | null; isSample?: boolean }, now: number): Promise<Source> {
    const existing = await this.db.selectFrom('sources').select('id').where('url', '=', input.url).executeTakeFirst();
    if (existing) throw new NewsdeskError('SOURCE_EXISTS', `${input.url} is already source ${existing.id}.`);
    const row = await this.db
      .insertInto('sources')
      .values({
        url: input.url,
        title: input.title ?? null,
        is_sample: input.isSample ? 1 : 0,
        created_at: now,
        next_check_at: now,
        error_count: 0,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toSource(row);
  }

  async get(id: number): Promise<Source> {
    const row = await this.db.selectFrom('sources').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw new NewsdeskError('SOURCE_NOT_FOUND', `There is no source ${id}.`);
    return toSource(row);
  }

  async list(): Promise<Source[]> {
    const rows = await this.db.selectFrom('sources').selectAll().orderBy('id').execute();
    return rows.map(toSource);
  }

  async count(): Promise<number> {
    const row = await this.db.selectFrom('sources').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** Removes a source and, through the foreign key, its articles. */
  async remove(id: number): Promise<void> {
    const result = await this.db.deleteFrom('sources').where('id', '=', id).executeTakeFirst();
    if (Number(result.numDeletedRows) === 0) throw new NewsdeskError('SOURCE_NOT_FOUND', `There is no source ${id}.`);
  }

  /** Removes every source loaded from the bundled sample; returns how many. */
  async removeSamples(): Promise<number> {
    const result = await this.db.deleteFrom('sources').where('is_sample', '=', 1).executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  /** Ids of sources whose next check is due, soonest first. */
  async due(now: number, limit: number): Promise<number[]> {
    const rows = await this.db
      .selectFrom('sources')
      .select('id')
      .where('next_check_at', '<=', now)
      .orderBy('next_check_at')
      .limit(limit)
      .execute();
    return rows.map((r) => r.id);
  }

  async recordSuccess(
    id: number,
    update: { checkedAt: number; nextCheckAt: number; etag: string | null; lastModified: string | null; title: string | null; siteUrl: string | null },
  ): Promise<void> {
    await this.db
      .updateTable('sources')
      .set((eb) => ({
        last_checked_at: update.checkedAt,
        last_success_at: update.checkedAt,
        next_check_at: update.nextCheckAt,
        etag: update.etag,
        last_modified: update.lastModified,
        // Keep a title the feed once gave if a later fetch lacks one.
        title: update.title ?? eb.ref('title'),
        site_url: update.siteUrl ?? eb.ref('site_url'),
        error_count: 0,
        last_error_code: null,
        last_error_message: null,
      }))
      .where('id', '=', id)
      .execute();
  }

  async recordFailure(id: number, failure: { checkedAt: number; nextCheckAt: number; code: string; message: string }): Promise<void> {
    await this.db
      .updateTable('sources')
      .set((eb) => ({
        last_checked_at: failure.checkedAt,
        next_check_at: failure.nextCheckAt,
        error_count: eb('error_count', '+', 1),
        last_error_code: failure.code,
        last_error_message: failure.message.slice(0, 1000),
      }))
      .where('id', '=', id)
      .execute();
  }
}

function toSource(row: Selectable<SourcesTable>): Source {
  return {
    id: Number(row.id),
    url: row.url,
    title: row.title,
    siteUrl: row.site_url,
    isSample: row.is_sample === 1,
    createdAt: row.created_at,
    nextCheckAt: row.next_check_at,
    lastCheckedAt: row.last_checked_at,
    lastSuccessAt: row.last_success_at,
    etag: row.etag,
    lastModified: row.last_modified,
    errorCount: row.error_count,
    lastErrorCode: row.last_error_code,
    lastErrorMessage: row.last_error_message,
  };
}
