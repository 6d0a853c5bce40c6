import type { Kysely, Selectable } from 'kysely';
import { NewsdeskError } from '../../platform/errors.js';
import type { Database, UsersTable } from '../schema.js';

/** A person who can sign in. The password hash never leaves the auth service. */
export interface User {
  id: number;
  email: string;
  isAdmin: boolean;
  createdAt: number;
}

/** People who can sign in, looked up by their (lower-cased) email. */
export class UserRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Adds a user; USER_EXISTS when the email is taken. The caller normalises the email. */
  async add(input: { email: string; passwordHash: string; isAdmin: boolean }, now: number): Promise<User> {
    const existing = await this.db.selectFrom('users').select('id').where('email', '=', input.email).executeTakeFirst();
    if (existing) throw new NewsdeskError('USER_EXISTS', `${input.email} is already user ${existing.id}.`);
    try {
      const row = await this.db
        .insertInto('users')
        .values({ email: input.email, password_hash: input.passwordHash, is_admin: input.isAdmin ? 1 : 0, created_at: now })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toUser(row);
    } catch (cause) {
      // Another process may have added the same email between the check and the insert.
      if (await this.db.selectFrom('users').select('id').where('email', '=', input.email).executeTakeFirst()) {
        throw new NewsdeskError('USER_EXISTS', `${input.email} is already a user.`, { cause });
      }
      throw cause;
    }
  }

  /** The user and their password hash, for checking a sign-in; undefined when unknown. */
  async findCredentials(email: string): Promise<{ user: User; passwordHash: string } | undefined> {
    const row = await this.db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
    return row ? { user: toUser(row), passwordHash: row.password_hash } : undefined;
  }

  async get(id: number): Promise<User | undefined> {
    const row = await this.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toUser(row) : undefined;
  }
}

export function toUser(row: Pick<Selectable<UsersTable>, 'id' | 'email' | 'is_admin' | 'created_at'>): User {
  return { id: Number(row.id), email: row.email, isAdmin: row.is_admin === 1, createdAt: row.created_at };
}
