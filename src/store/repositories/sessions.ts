import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import { toUser, type User } from './users.js';

/** A signed-in session as stored: only the hash of the cookie value is kept. */
export interface StoredSession {
  idHash: string;
  userId: number;
  csrfToken: string;
  createdAt: number;
  expiresAt: number;
}

/** Sign-in sessions, found by the SHA-256 of the cookie value. */
export class SessionRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async create(session: StoredSession): Promise<void> {
    await this.db
      .insertInto('sessions')
      .values({
        id_hash: session.idHash,
        user_id: session.userId,
        csrf_token: session.csrfToken,
        created_at: session.createdAt,
        expires_at: session.expiresAt,
      })
      .execute();
  }

  /** The session and its user while it has not expired; undefined otherwise. */
  async findActive(idHash: string, now: number): Promise<{ session: StoredSession; user: User } | undefined> {
    const row = await this.db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .select([
        'sessions.id_hash',
        'sessions.user_id',
        'sessions.csrf_token',
        'sessions.created_at as session_created_at',
        'sessions.expires_at',
        'users.id',
        'users.email',
        'users.is_admin',
        'users.created_at',
      ])
      .where('sessions.id_hash', '=', idHash)
      .where('sessions.expires_at', '>', now)
      .executeTakeFirst();
    if (!row) return undefined;
    return {
      session: {
        idHash: row.id_hash,
        userId: Number(row.user_id),
        csrfToken: row.csrf_token,
        createdAt: row.session_created_at,
        expiresAt: row.expires_at,
      },
      user: toUser(row),
    };
  }

  /** Deletes one session; returns whether it existed. */
  async delete(idHash: string): Promise<boolean> {
    const result = await this.db.deleteFrom('sessions').where('id_hash', '=', idHash).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  /** Deletes every session that expired at or before `now`; returns how many. */
  async deleteExpired(now: number): Promise<number> {
    const result = await this.db.deleteFrom('sessions').where('expires_at', '<=', now).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
