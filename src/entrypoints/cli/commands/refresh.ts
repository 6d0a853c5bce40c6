import type { RefreshOutcome } from '../../../pipeline/ingest/refresh-source.js';
import type { RegisterCommand } from './index.js';
import { parseId } from './source.js';

const PARALLEL_REFRESHES = 4;

/** `newsdesk refresh [ID...]`: fetch sources now, all of them unless ids are given. */
export const registerRefresh: RegisterCommand = (program, context) => {
  program
    .command('refresh')
    .description('fetch sources now and store their new articles (all sources unless ids are given)')
    .argument('[ids...]', 'source ids')
    .action(async (ids: string[]) => {
      const app = await context.app();
      const wanted = ids.length ? ids.map(parseId) : (await app.sources.list()).map((s) => s.id);
      if (ids.length) for (const id of wanted) await app.sources.get(id);
      const outcomes = await mapLimited(wanted, PARALLEL_REFRESHES, (id) => app.refreshSource(id));
      for (const outcome of outcomes) context.output.line(describeOutcome(outcome));
      const failed = outcomes.filter((o) => o.status === 'failed').length;
      const added = outcomes.reduce((n, o) => n + (o.status === 'updated' ? o.newArticleIds.length : 0), 0);
      context.output.line(`${outcomes.length} sources checked, ${added} new articles, ${failed} failed.`);
      if (failed) context.fail();
    });
};

function describeOutcome(o: RefreshOutcome): string {
  switch (o.status) {
    case 'updated':
      return `source ${o.sourceId}: ${o.newArticleIds.length} new of ${o.items} items`;
    case 'not-modified':
      return `source ${o.sourceId}: not modified`;
    case 'failed':
      return `source ${o.sourceId}: failed (${o.code}) ${o.message}`;
  }
}

async function mapLimited<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]!);
    }
  });
  await Promise.all(lanes);
  return results;
}
