import { NewsdeskError } from '../../../platform/errors.js';
import { ProgressBar } from '../progress-bar.js';
import type { RegisterCommand } from './index.js';

/** `newsdesk recluster [--since DATE]`: rebuilds stories from the stored articles, in the order the stream took them. */
export const registerRecluster: RegisterCommand = (program, context) => {
  program
    .command('recluster')
    .description('rebuild stories from stored articles (all of them, or those first seen since a date)')
    .option(
      '--since <date>',
      'only articles first seen at or after this date (YYYY-MM-DD or an ISO 8601 time)',
    )
    .action(async (options: { since?: string }) => {
      const since = options.since === undefined ? undefined : parseSince(options.since);
      const app = await context.app();
      const bar = new ProgressBar({
        write: (text) => process.stderr.write(text),
        isTTY: process.stderr.isTTY === true,
      });
      const label = { replay: 'replaying earlier articles', assign: 'assigning articles' } as const;
      let last: { done: number; total: number; phase: 'replay' | 'assign' } | undefined;
      const result = await app.storyAssigner.recluster(since, (done, total, phase) => {
        if (last && last.phase !== phase) bar.finish(last.done, last.total, label[last.phase]);
        last = { done, total, phase };
        bar.update(done, total, label[phase]);
      });
      if (last) bar.finish(last.done, last.total, label[last.phase]);
      if (result.conflict) {
        throw new NewsdeskError(
          'INTERNAL',
          `Another process assigned stories meanwhile after ${result.assigned} articles; run recluster again.`,
        );
      }
      const position = await app.stories.position();
      context.output.line(
        `${result.assigned} articles assigned; the story stream is at ${position.sequence}.`,
      );
    });
};

function parseSince(text: string): number {
  const time = /^\d{4}-\d\d-\d\d(?:[T ][\d:.]+(?:Z|[+-]\d\d:?\d\d)?)?$/.test(text)
    ? Date.parse(text.length === 10 ? `${text}T00:00:00Z` : text)
    : NaN;
  if (Number.isNaN(time))
    throw new NewsdeskError(
      'USAGE',
      `--since ${JSON.stringify(text)} is not a date (YYYY-MM-DD or an ISO 8601 time).`,
    );
  return time;
}
