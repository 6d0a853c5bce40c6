import type { Kysely, Selectable } from 'kysely';
import type { Source, SourceHealth } from '../../domain/source.js';
import { sourcesByHealth } from '../../domain/source-health.js';
import { NewsdeskError } from '../../platform/errors.js';
import type { Database, SourcesTable } from '../schema.js';

/** Sources and their fetch state. */
export class SourceRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Adds a source to be checked at `now`; SOURCE_EXISTS when the URL is already followed. */
  async add(input: { url: string; title?: string | null; siteUrl?: string | null; isSample?: boolean; category?: string | null }, now: number): Promise<Source> {
    const existing = await this.db.selectFrom('sources').select('id').where('url', '=', input.url).executeTakeFirst();
    if (existing) throw new NewsdeskError('SOURCE_EXISTS', `${input.url} is already source ${existing.id}.`);
    const row = await this.db
      .insertInto('sources')
      .values({
        url: input.url,
        title: input.title ?? null,
        site_url: input.siteUrl ?? null,
        is_sample: input.isSample ? 1 : 0,
        category: input.category ?? null,
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
      .where('paused_at', 'is', null)
      .orderBy('next_check_at')
      .limit(limit)
      .execute();
    return rows.map((r) => r.id);
  }

  async recordSuccess(
    id: number,
    update: {
      checkedAt: number;
      nextCheckAt: number;
      etag: string | null;
      lastModified: string | null;
      title: string | null;
      siteUrl: string | null;
      latencyMs?: number;
    },
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
        fetch_count: eb('fetch_count', '+', 1),
        latency_total_ms: eb('latency_total_ms', '+', Math.max(0, Math.round(update.latencyMs ?? 0))),
      }))
      .where('id', '=', id)
      .execute();
  }

  /** Records a failed check; returns the number of consecutive failures now. */
  async recordFailure(id: number, failure: { checkedAt: number; nextCheckAt: number; code: string; message: string }): Promise<number> {
    const row = await this.db
      .updateTable('sources')
      .set((eb) => ({
        last_checked_at: failure.checkedAt,
        next_check_at: failure.nextCheckAt,
        error_count: eb('error_count', '+', 1),
        last_error_code: failure.code,
        last_error_message: failure.message.slice(0, 1000),
      }))
      .where('id', '=', id)
      .returning('error_count')
      .executeTakeFirst();
    return row?.error_count ?? 0;
  }

  /** Stops checking a source until it is resumed; the reason is shown with its health. */
  async pause(id: number, reason: string, now: number): Promise<void> {
    const result = await this.db.updateTable('sources').set({ paused_at: now, pause_reason: reason.slice(0, 500) }).where('id', '=', id).executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) throw new NewsdeskError('SOURCE_NOT_FOUND', `There is no source ${id}.`);
  }

  /** Checks a paused source again at once, with its failure count cleared. */
  async resume(id: number, now: number): Promise<void> {
    const result = await this.db
      .updateTable('sources')
      .set({ paused_at: null, pause_reason: null, error_count: 0, next_check_at: now })
      .where('id', '=', id)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) throw new NewsdeskError('SOURCE_NOT_FOUND', `There is no source ${id}.`);
  }

  /** Every source with its health, worst first (see `sourcesByHealth`). */
  async listHealth(now: number): Promise<SourceHealth[]> {
    const weekAgo = now - 7 * 24 * 3_600_000;
    const counts = await this.db
      .selectFrom('articles')
      .select(['source_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('first_seen_at', '>=', weekAgo)
      .groupBy('source_id')
      .execute();
    const perSource = new Map(counts.map((c) => [Number(c.source_id), Number(c.n)]));
    const sources = await this.list();
    return sourcesByHealth(sources.map((s) => ({ ...s, itemsPerDay: Math.round(((perSource.get(s.id) ?? 0) / 7) * 10) / 10 })));
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
    category: row.category,
    pausedAt: row.paused_at,
    pauseReason: row.pause_reason,
    fetchCount: row.fetch_count,
    meanLatencyMs: row.fetch_count > 0 ? Math.round(row.latency_total_ms / row.fetch_count) : null,
  };
}
