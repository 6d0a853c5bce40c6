import { loadSampleIfEmpty } from '../../../app/sample-feeds.js';
import type { RegisterCommand } from './index.js';

/** `newsdesk sample load|remove`: the bundled sample feeds shown on a first run. */
export const registerSample: RegisterCommand = (program, context) => {
  const sample = program.command('sample').description('the bundled sample feeds shown on a first run');
  sample
    .command('remove')
    .description('remove the sample sources and their articles')
    .action(async () => {
      const app = await context.app();
      const removed = await app.sources.removeSamples();
      context.output.line(removed ? `Removed ${removed} sample sources and their articles.` : 'There are no sample sources.');
    });
  sample
    .command('load')
    .description('load the sample feeds (only into a database without sources)')
    .action(async () => {
      const app = await context.app();
      const stored = await loadSampleIfEmpty(app);
      context.output.line(stored === null ? 'Not loaded: the database already has sources (or NEWSDESK_LOAD_SAMPLE=false).' : `Loaded the sample: ${stored} articles.`);
    });
};
