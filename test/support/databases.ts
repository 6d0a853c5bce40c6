import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openStore, type Store } from '../../src/store/database.js';
import { migrateToLatest } from '../../src/store/migrate.js';

/** The PostgreSQL server tests use: the local one unless NEWSDESK_TEST_POSTGRES_URL says otherwise. */
export const testPostgresUrl = process.env.NEWSDESK_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export const testDialects = ['sqlite', 'postgres'] as const;
export type TestDialect = (typeof testDialects)[number];

/** A freshly migrated, empty database of its own; drop() removes every trace of it. */
export interface TestDatabase {
  store: Store;
  location: Parameters<typeof openStore>[0];
  drop(): Promise<void>;
}

let counter = 0;

/**
 * Creates an isolated database: a new SQLite file, or a new schema on the test PostgreSQL.
 * PostgreSQL being unreachable is an error, never a skip: every store test runs on both.
 */
export async function createTestDatabase(dialect: TestDialect): Promise<TestDatabase> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'newsdesk-test-'));
    const location = { kind: 'sqlite' as const, path: join(dir, 'newsdesk.db') };
    const store = await openStore(location);
    await migrateToLatest(store);
    return {
      store,
      location,
      async drop() {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const schema = `t_${process.pid}_${Date.now().toString(36)}_${counter++}_${randomBytes(4).toString('hex')}`;
  await adminQuery(`create schema ${schema}`);
  const location = { kind: 'postgres' as const, url: testPostgresUrl, schema, poolSize: 4 };
  const store = await openStore(location);
  await migrateToLatest(store);
  return {
    store,
    location,
    async drop() {
      await store.close();
      await adminQuery(`drop schema ${schema} cascade`);
    },
  };
}

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: testPostgresUrl, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (cause) {
    throw new Error(
      `PostgreSQL is not reachable at ${testPostgresUrl}; store tests run on both databases. ` +
        `Start it (see README, "Running the tests") and run again.`,
      { cause },
    );
  }
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}
