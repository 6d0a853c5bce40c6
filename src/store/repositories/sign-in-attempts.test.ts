import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, testDialects, type TestDatabase } from '../../../test/support/databases.js';
import { SignInAttemptRepository } from './sign-in-attempts.js';

const WINDOW = 15 * 60_000;

describe.each(testDialects)('SignInAttemptRepository on %s', (dialect) => {
  let database: TestDatabase;
  let attempts: SignInAttemptRepository;
  beforeEach(async () => {
    database = await createTestDatabase(dialect);
    attempts = new SignInAttemptRepository(database.store.db);
  });
  afterEach(() => database.drop());

  it('counts attempts per key within a window', async () => {
    expect(await attempts.record('ip:1', 1000, WINDOW)).toEqual({ count: 1, windowStart: 1000 });
    expect(await attempts.record('ip:1', 2000, WINDOW)).toEqual({ count: 2, windowStart: 1000 });
    expect(await attempts.record('ip:2', 2000, WINDOW)).toEqual({ count: 1, windowStart: 2000 });
  });

  it('starts a new window once the old one has passed', async () => {
    await attempts.record('k', 1000, WINDOW);
    await attempts.record('k', 2000, WINDOW);
    expect(await attempts.record('k', 1000 + WINDOW, WINDOW)).toEqual({ count: 1, windowStart: 1000 + WINDOW });
  });

  it('counts every one of many concurrent attempts', async () => {
    await Promise.all(Array.from({ length: 20 }, () => attempts.record('k', 1000, WINDOW)));
    expect((await attempts.record('k', 1000, WINDOW)).count).toBe(21);
  });

  it('clears a key and deletes only windows that have ended', async () => {
    await attempts.record('a', 1000, WINDOW);
    await attempts.record('b', 5000, WINDOW);
    await attempts.record('c', 5000, WINDOW);
    await attempts.clear('c');
    expect(await attempts.deleteExpired(1000 + WINDOW, WINDOW)).toBe(1);
    expect((await attempts.record('b', 6000, WINDOW)).count).toBe(2);
    expect((await attempts.record('c', 6000, WINDOW)).count).toBe(1);
  });
});
