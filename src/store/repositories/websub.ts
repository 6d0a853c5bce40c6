import { sql, type Generated, type Kysely, type Selectable } from 'kysely';
import type { Subscription, SubscriptionState } from '../../pipeline/websub/subscription.js';
import type { Database } from '../schema.js';

export interface WebSubSubscriptionsTable {
  id: Generated<number>;
  source_id: number;
  state: SubscriptionState;
  hub: string | null;
  topic: string | null;
  callback_token: string;
  secret: string;
  lease_seconds: number | null;
  requested_at: number | null;
  verified_at: number | null;
  expires_at: number | null;
  retry_at: number | null;
  failures: Generated<number>;
  last_error: string | null;
  last_content_at: number | null;
}

type WebSubDatabase = Database & { websub_subscriptions: WebSubSubscriptionsTable };

/** Longest renewal window (see `renewalWindowMs`): leases ending later need no look yet. */
const MAX_RENEWAL_WINDOW_MS = 24 * 3_600_000;

/** WebSub subscriptions, one row per source (table `websub_subscriptions`, migration 0007). */
export class WebSubRepository {
  private readonly db: Kysely<WebSubDatabase>;

  constructor(db: Kysely<Database>) {
    this.db = db.withTables<{ websub_subscriptions: WebSubSubscriptionsTable }>();
  }

  async get(id: number): Promise<Subscription | null> {
    const row = await this.db.selectFrom('websub_subscriptions').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toSubscription(row) : null;
  }

  async forSource(sourceId: number): Promise<Subscription | null> {
    const row = await this.db.selectFrom('websub_subscriptions').selectAll().where('source_id', '=', sourceId).executeTakeFirst();
    return row ? toSubscription(row) : null;
  }

  /** The source's row, created with this callback token and secret when it has none yet. */
  async ensure(sourceId: number, credentials: { callbackToken: string; secret: string }): Promise<Subscription> {
    await this.db
      .insertInto('websub_subscriptions')
      .values({ source_id: sourceId, state: 'requested', callback_token: credentials.callbackToken, secret: credentials.secret })
      .onConflict((oc) => oc.column('source_id').doNothing())
      .execute();
    const row = await this.db.selectFrom('websub_subscriptions').selectAll().where('source_id', '=', sourceId).executeTakeFirstOrThrow();
    return toSubscription(row);
  }

  /** About to ask the hub: an active lease stays active (a renewal); anything else waits for verification. */
  async markRequested(id: number, target: { hub: string; topic: string }, now: number): Promise<void> {
    await this.db
      .updateTable('websub_subscriptions')
      .set({
        hub: target.hub,
        topic: target.topic,
        requested_at: now,
        state: sql<SubscriptionState>`case when state = 'active' then 'active' else 'requested' end`,
      })
      .where('id', '=', id)
      .execute();
  }

  /** The hub verified our intent: the lease runs from now. */
  async activate(id: number, leaseSeconds: number, now: number): Promise<void> {
    await this.db
      .updateTable('websub_subscriptions')
      .set({ state: 'active', lease_seconds: leaseSeconds, verified_at: now, expires_at: now + leaseSeconds * 1000, failures: 0, last_error: null, retry_at: null })
      .where('id', '=', id)
      .execute();
  }

  async markFailed(id: number, error: string, retryAt: number): Promise<void> {
    await this.db
      .updateTable('websub_subscriptions')
      .set((eb) => ({ state: 'failed', last_error: error, retry_at: retryAt, failures: eb('failures', '+', 1) }))
      .where('id', '=', id)
      .execute();
  }

  async markNoHub(id: number, retryAt: number): Promise<void> {
    await this.db
      .updateTable('websub_subscriptions')
      .set({ state: 'no-hub', hub: null, topic: null, retry_at: retryAt, last_error: null, expires_at: null })
      .where('id', '=', id)
      .execute();
  }

  async markUnsubscribing(id: number, now: number): Promise<void> {
    await this.db.updateTable('websub_subscriptions').set({ state: 'unsubscribing', requested_at: now }).where('id', '=', id).execute();
  }

  async noteContent(id: number, now: number): Promise<void> {
    await this.db.updateTable('websub_subscriptions').set({ last_content_at: now }).where('id', '=', id).execute();
  }

  async remove(id: number): Promise<void> {
    await this.db.deleteFrom('websub_subscriptions').where('id', '=', id).execute();
  }

  /** Ids of http(s) sources, not paused, that have no subscription row: discovery has not run for them. */
  async undiscoveredSourceIds(limit: number): Promise<number[]> {
    const rows = await this.db
      .selectFrom('sources')
      .leftJoin('websub_subscriptions', 'websub_subscriptions.source_id', 'sources.id')
      .select('sources.id')
      .where('websub_subscriptions.id', 'is', null)
      .where('sources.paused_at', 'is', null)
      .where((eb) => eb.or([eb('sources.url', 'like', 'http://%'), eb('sources.url', 'like', 'https://%')]))
      .orderBy('sources.id')
      .limit(limit)
      .execute();
    return rows.map((r) => Number(r.id));
  }

  /** Subscriptions whose source was removed. */
  async orphaned(limit: number): Promise<Subscription[]> {
    const rows = await this.db
      .selectFrom('websub_subscriptions')
      .leftJoin('sources', 'sources.id', 'websub_subscriptions.source_id')
      .selectAll('websub_subscriptions')
      .where('sources.id', 'is', null)
      .orderBy('websub_subscriptions.id')
      .limit(limit)
      .execute();
    return rows.map(toSubscription);
  }

  /**
   * Subscriptions of existing sources that may need something done at `now` (a renewal, a
   * retry, a lost request); a superset, which `dueAction` narrows.
   */
  async needingAttention(now: number, verificationTimeoutMs: number, limit: number): Promise<Subscription[]> {
    const rows = await this.db
      .selectFrom('websub_subscriptions')
      .innerJoin('sources', 'sources.id', 'websub_subscriptions.source_id')
      .selectAll('websub_subscriptions')
      .where((eb) =>
        eb.or([
          eb.and([eb('state', '=', 'active'), eb.or([eb('expires_at', 'is', null), eb('expires_at', '<=', now + MAX_RENEWAL_WINDOW_MS)])]),
          eb.and([eb('state', 'in', ['failed', 'no-hub']), eb.or([eb('retry_at', 'is', null), eb('retry_at', '<=', now)])]),
          eb.and([eb('state', '=', 'requested'), eb.or([eb('requested_at', 'is', null), eb('requested_at', '<=', now - verificationTimeoutMs)])]),
        ]),
      )
      .orderBy('websub_subscriptions.id')
      .limit(limit)
      .execute();
    return rows.map(toSubscription);
  }
}

function toSubscription(row: Selectable<WebSubSubscriptionsTable>): Subscription {
  const num = (v: number | null) => (v === null ? null : Number(v));
  return {
    id: Number(row.id),
    sourceId: Number(row.source_id),
    state: row.state,
    hub: row.hub,
    topic: row.topic,
    callbackToken: row.callback_token,
    secret: row.secret,
    leaseSeconds: num(row.lease_seconds),
    requestedAt: num(row.requested_at),
    verifiedAt: num(row.verified_at),
    expiresAt: num(row.expires_at),
    retryAt: num(row.retry_at),
    failures: Number(row.failures),
    lastError: row.last_error,
    lastContentAt: num(row.last_content_at),
  };
}
