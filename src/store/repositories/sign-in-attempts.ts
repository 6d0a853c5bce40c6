import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

/** How many attempts a key has made in its current window, and when that window started. */
export interface AttemptWindow {
  count: number;
  windowStart: number;
}

/**
 * Sign-in attempt counters in fixed windows, one row per key (a client address or an email).
 * Kept in the database so that every web process sees the same counts.
 */
export class SignInAttemptRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Counts one attempt for `key` and returns the window it fell in. A window older than
   * `windowMs` starts again at `now`. One upsert, so concurrent attempts are all counted.
   */
  async record(key: string, now: number, windowMs: number): Promise<AttemptWindow> {
    const expiredBefore = now - windowMs;
    const row = await this.db
      .insertInto('sign_in_attempts')
      .values({ key, window_start: now, count: 1 })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet((eb) => {
          const expired = eb('sign_in_attempts.window_start', '<=', expiredBefore);
          return {
            count: eb.case().when(expired).then(1).else(eb('sign_in_attempts.count', '+', 1)).end(),
            window_start: eb.case().when(expired).then(now).else(eb.ref('sign_in_attempts.window_start')).end(),
          };
        }),
      )
      .returning(['count', 'window_start'])
      .executeTakeFirstOrThrow();
    return { count: Number(row.count), windowStart: Number(row.window_start) };
  }

  /** Forgets a key's attempts (after a successful sign-in). */
  async clear(key: string): Promise<void> {
    await this.db.deleteFrom('sign_in_attempts').where('key', '=', key).execute();
  }

  /** Deletes windows that ended before `now`, so the table holds only live counters. */
  async deleteExpired(now: number, windowMs: number): Promise<number> {
    const result = await this.db.deleteFrom('sign_in_attempts').where('window_start', '<=', now - windowMs).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
