import { pino } from 'pino';
import { createApp, type App } from '../../src/app/create-app.js';
import { loadConfig } from '../../src/platform/config/config.js';
import { manualClock } from '../../src/platform/clock.js';
import { createTestDatabase, type TestDatabase, type TestDialect } from './databases.js';

/** An App on an isolated test database, with a manual clock and a silent logger. */
export async function createTestApp(
  dialect: TestDialect,
  env: Record<string, string> = {},
): Promise<{ app: App; database: TestDatabase; clock: ReturnType<typeof manualClock>; close(): Promise<void> }> {
  const database = await createTestDatabase(dialect);
  const { config } = loadConfig({ NEWSDESK_LOAD_SAMPLE: 'false', NEWSDESK_ALLOW_PRIVATE_NETWORKS: 'true', ...env });
  const clock = manualClock(Date.UTC(2026, 10, 1, 12));
  const app = await createApp(config, pino({ level: 'silent' }), { migrate: false, clock, store: database.store });
  return {
    app,
    database,
    clock,
    async close() {
      await app.close();
      await database.drop();
    },
  };
}
