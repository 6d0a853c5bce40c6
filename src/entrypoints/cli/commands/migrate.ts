import type { RegisterCommand } from './index.js';
import { migrateToLatest } from '../../../store/migrate.js';

/** `newsdesk migrate`: applies pending database migrations (start-up does this too). */
export const registerMigrate: RegisterCommand = (program, context) => {
  program
    .command('migrate')
    .description('apply pending database migrations')
    .action(async () => {
      const app = await context.app({ migrate: false });
      const applied = await migrateToLatest(app.store);
      context.output.line(applied.length ? `Applied ${applied.join(', ')}.` : 'The database is up to date.');
    });
};
