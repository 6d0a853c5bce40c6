import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, testDialects, type TestDatabase } from '../../../test/support/databases.js';
import { UserRepository } from './users.js';

describe.each(testDialects)('UserRepository on %s', (dialect) => {
  let database: TestDatabase;
  let users: UserRepository;
  beforeEach(async () => {
    database = await createTestDatabase(dialect);
    users = new UserRepository(database.store.db);
  });
  afterEach(() => database.drop());

  it('adds a user and finds their credentials by email', async () => {
    const added = await users.add({ email: 'ada@example.org', passwordHash: '$argon2id$x', isAdmin: true }, 1000);
    expect(added).toEqual({ id: expect.any(Number), email: 'ada@example.org', isAdmin: true, createdAt: 1000 });
    const found = await users.findCredentials('ada@example.org');
    expect(found).toEqual({ user: added, passwordHash: '$argon2id$x' });
    expect(await users.get(added.id)).toEqual(added);
  });

  it('answers undefined for an unknown email or id', async () => {
    expect(await users.findCredentials('nobody@example.org')).toBeUndefined();
    expect(await users.get(12345)).toBeUndefined();
  });

  it('refuses a second user with the same email', async () => {
    await users.add({ email: 'ada@example.org', passwordHash: 'h1', isAdmin: false }, 1000);
    await expect(users.add({ email: 'ada@example.org', passwordHash: 'h2', isAdmin: true }, 2000)).rejects.toMatchObject({
      code: 'USER_EXISTS',
    });
    expect((await users.findCredentials('ada@example.org'))?.passwordHash).toBe('h1');
  });
});
