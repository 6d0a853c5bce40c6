import { ProgressBar } from '../progress-bar.js';
import type { RegisterCommand } from './index.js';
import { parseId } from './source.js';

const BATCH = 200;

/** `newsdesk reextract [--source ID]`: extracts every fetched article page again, e.g. after an algorithm change. */
export const registerReextract: RegisterCommand = (program, context) => {
  program
    .command('reextract')
    .description('extract the stored article pages again (all, or one source\'s), with a progress bar')
    .option('--source <id>', 'only the pages of this source')
    .action(async (options: { source?: string }) => {
      const sourceId = options.source === undefined ? undefined : parseId(options.source);
      const app = await context.app();
      if (sourceId !== undefined) await app.sources.get(sourceId);
      const total = await app.extractions.countWithFetchedPages(sourceId);
      const bar = new ProgressBar({ write: (text) => process.stderr.write(text), isTTY: Boolean(process.stderr.isTTY) });
      const tally = { extracted: 0, failed: 0, skipped: 0 };
      let done = 0;
      let afterId = 0;
      for (;;) {
        const batch = await app.extractions.withFetchedPages({ ...(sourceId !== undefined ? { sourceId } : {}), afterId, limit: BATCH });
        if (batch.length === 0) break;
        for (const { articleId } of batch) {
          tally[(await app.extractArticlePage(articleId)).status]++;
          bar.update(++done, total, 'Extracting');
          afterId = articleId;
        }
      }
      bar.finish(done, total, 'Extracting');
      context.output.line(`${done} pages: ${tally.extracted} extracted, ${tally.failed} failed (the feed's text kept), ${tally.skipped} skipped.`);
    });
};
