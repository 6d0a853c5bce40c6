import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { NewsdeskError } from '../platform/errors.js';
import { postgresCapabilities, sqliteCapabilities, type StoreCapabilities } from './capabilities.js';
import type { Database } from './schema.js';

export type DatabaseLocation =
  | { kind: 'sqlite'; path: string }
  | { kind: 'postgres'; url: string; /** Schema to use instead of `public` (tests isolate themselves this way). */ schema?: string; poolSize?: number };

/** An open database: the query builder, what the dialect can do, and how to close it. */
export interface Store {
  readonly db: Kysely<Database>;
  readonly capabilities: StoreCapabilities;
  /** The PostgreSQL schema in use when not the default one; migrations keep their bookkeeping there. */
  readonly schema?: string;
  /** Throws DATABASE_UNREACHABLE when a trivial query fails. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Opens the database named by the configuration. Nothing is created or migrated here. */
export async function openStore(location: DatabaseLocation): Promise<Store> {
  const store = location.kind === 'sqlite' ? openSqlite(location.path) : openPostgres(location);
  await store.ping();
  return store;
}

function openSqlite(path: string): Store {
  let connection: SqliteDatabase.Database;
  try {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    connection = new SqliteDatabase(path);
    // WAL lets readers (web pages) go on while the worker writes; NORMAL is durable across
    // process crashes under WAL; the busy timeout absorbs short lock waits between processes.
    connection.pragma('journal_mode = WAL');
    connection.pragma('synchronous = NORMAL');
    connection.pragma('foreign_keys = ON');
    connection.pragma('busy_timeout = 5000');
  } catch (cause) {
    throw new NewsdeskError('DATABASE_UNREACHABLE', `Cannot open the SQLite database at ${path}: ${(cause as Error).message}`, { cause });
  }
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: connection }) });
  return makeStore(db, sqliteCapabilities, `SQLite database at ${path}`);
}

function openPostgres(location: { url: string; schema?: string; poolSize?: number }): Store {
  const pool = new pg.Pool({
    connectionString: location.url,
    max: location.poolSize ?? 10,
    connectionTimeoutMillis: 5000,
    ...(location.schema ? { options: `-c search_path=${location.schema}` } : {}),
    // Timestamps are bigint milliseconds; they fit a JavaScript number exactly.
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === pg.types.builtins.INT8
          ? (value: string) => Number(value)
          : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
    },
  });
  // An idle client that loses its server must not crash the process; the next query reports it.
  pool.on('error', () => {});
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return makeStore(db, postgresCapabilities, `PostgreSQL at ${redact(location.url)}`, location.schema);
}

function makeStore(db: Kysely<Database>, capabilities: StoreCapabilities, description: string, schema?: string): Store {
  return {
    db,
    capabilities,
    ...(schema ? { schema } : {}),
    async ping() {
      try {
        await sql`select 1`.execute(db);
      } catch (cause) {
        throw new NewsdeskError('DATABASE_UNREACHABLE', `Cannot reach the ${description}: ${(cause as Error).message}`, { cause });
      }
    },
    close: () => db.destroy(),
  };
}

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '****';
    return u.toString();
  } catch {
    return 'the configured URL';
  }
}
