import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { SourceHealth } from '../../../domain/source.js';
import { NewsdeskError } from '../../../platform/errors.js';
import { parseHttpUrl } from '../../../pipeline/fetch/fetch-url.js';
import { addWebSource } from '../add-web-source.js';
import type { RegisterCommand } from './index.js';

/** `newsdesk source add|list|remove`: the sources Newsdesk follows. */
export const registerSource: RegisterCommand = (program, context) => {
  const source = program.command('source').description('manage the sources Newsdesk follows');

  source
    .command('add')
    .description("follow a feed, by http(s) URL or local file path; for a web page's URL, its feeds are found and offered")
    .argument('<location>', 'feed or web page URL (http or https), or path to a feed file')
    .option('--all', 'add every feed found on a web page without asking')
    .action(async (location: string, options: { all?: boolean }) => {
      const url = sourceLocation(location);
      const app = await context.app();
      if (/^https?:\/\//i.test(url)) return addWebSource(url, options, app, context);
      const added = await app.sources.add({ url }, app.clock.now());
      context.output.line(`Added source ${added.id}: ${added.url}. Run \`newsdesk refresh\` to fetch it now.`);
    });

  source
    .command('list')
    .description('list sources with their health, those with errors first')
    .option('--json', 'print JSON lines')
    .action(async (options: { json?: boolean }) => {
      const app = await context.app();
      const sources = await app.sources.listHealth(app.clock.now());
      if (options.json) return sources.forEach((s) => context.output.json(s));
      if (sources.length === 0) return context.output.line('No sources. Add one with `newsdesk source add URL`.');
      for (const s of sources) context.output.line(describeSource(s));
    });

  source
    .command('pause')
    .description('stop checking a source until it is resumed')
    .argument('<id>', 'source id')
    .action(async (id: string) => {
      const app = await context.app();
      await app.sources.pause(parseId(id), 'paused by hand', app.clock.now());
      context.output.line(`Paused source ${id}. Resume it with \`newsdesk source resume ${id}\`.`);
    });

  source
    .command('resume')
    .description('check a paused or failing source again now, its failure count cleared')
    .argument('<id>', 'source id')
    .action(async (id: string) => {
      const app = await context.app();
      await app.sources.resume(parseId(id), app.clock.now());
      context.output.line(`Resumed source ${id}; it is checked at the next scheduler run (or now with \`newsdesk refresh ${id}\`).`);
    });

  source
    .command('remove')
    .description('stop following a source and delete its articles')
    .argument('<id>', 'source id, as `source list` shows it')
    .action(async (id: string) => {
      const app = await context.app();
      await app.sources.remove(parseId(id));
      context.output.line(`Removed source ${id} and its articles.`);
    });
};

/** An http(s) URL as given, or an existing local file as an absolute path; anything else is refused. */
export function sourceLocation(location: string): string {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(location)) return parseHttpUrl(location).href;
  const path = resolve(location);
  if (!existsSync(path) || !statSync(path).isFile()) {
    throw new NewsdeskError('FILE_NOT_FOUND', `${location} is neither an http(s) URL nor an existing file.`);
  }
  return path;
}

export function parseId(text: string): number {
  if (!/^\d{1,15}$/.test(text)) throw new NewsdeskError('USAGE', `${JSON.stringify(text)} is not a source id (a positive integer).`);
  return Number(text);
}

function describeSource(s: SourceHealth): string {
  const when = (t: number | null) => (t ? new Date(t).toISOString().slice(0, 16).replace('T', ' ') + ' UTC' : 'never');
  const state = s.pausedAt
    ? `PAUSED since ${when(s.pausedAt)}: ${s.pauseReason ?? ''}`
    : s.lastErrorCode
      ? `FAILING x${s.errorCount} ${s.lastErrorCode}: ${s.lastErrorMessage ?? ''}`
      : `ok; next check ${when(s.nextCheckAt)}`;
  const numbers = `last success ${when(s.lastSuccessAt)}; ${s.itemsPerDay} items/day; mean latency ${s.meanLatencyMs ?? '–'} ms`;
  return `${String(s.id).padStart(4)}  ${s.title ?? '(untitled)'}${s.isSample ? ' [sample]' : ''}\n      ${s.url}\n      ${state}\n      ${numbers}`;
}
