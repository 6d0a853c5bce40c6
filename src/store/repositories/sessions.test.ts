import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, testDialects, type TestDatabase } from '../../../test/support/databases.js';
import { SessionRepository } from './sessions.js';
import { UserRepository, type User } from './users.js';

describe.each(testDialects)('SessionRepository on %s', (dialect) => {
  let database: TestDatabase;
  let sessions: SessionRepository;
  let user: User;
  beforeEach(async () => {
    database = await createTestDatabase(dialect);
    sessions = new SessionRepository(database.store.db);
    user = await new UserRepository(database.store.db).add({ email: 'ada@example.org', passwordHash: 'h', isAdmin: true }, 0);
  });
  afterEach(() => database.drop());

  const session = (idHash: string, expiresAt: number) => ({ idHash, userId: user.id, csrfToken: `csrf-${idHash}`, createdAt: 100, expiresAt });

  it('finds an active session with its user, and not once it has expired', async () => {
    await sessions.create(session('a', 5000));
    expect(await sessions.findActive('a', 4999)).toEqual({ session: session('a', 5000), user });
    expect(await sessions.findActive('a', 5000)).toBeUndefined();
    expect(await sessions.findActive('unknown', 0)).toBeUndefined();
  });

  it('deletes one session, leaving the others', async () => {
    await sessions.create(session('a', 5000));
    await sessions.create(session('b', 5000));
    expect(await sessions.delete('a')).toBe(true);
    expect(await sessions.delete('a')).toBe(false);
    expect(await sessions.findActive('a', 0)).toBeUndefined();
    expect(await sessions.findActive('b', 0)).toBeDefined();
  });

  it('deletes expired sessions only', async () => {
    await sessions.create(session('old', 1000));
    await sessions.create(session('new', 9000));
    expect(await sessions.deleteExpired(1000)).toBe(1);
    expect(await sessions.findActive('new', 1000)).toBeDefined();
  });
});
