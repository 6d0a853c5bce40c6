import { NewsdeskError } from '../../../platform/errors.js';
import { normaliseUrlForIdentity } from '../../../pipeline/ingest/url-identity.js';
import { parseOpml, type OpmlFeed } from '../../../pipeline/parse/opml.js';
import { writeOpml } from '../../../pipeline/parse/write-opml.js';
import { readInputFile } from '../io.js';
import type { RegisterCommand } from './index.js';

/**
 * `newsdesk import-opml FILE` and `newsdesk export-opml`: subscription lists in and out,
 * folders kept as source categories.
 */
export const registerOpml: RegisterCommand = (program, context) => {
  program
    .command('import-opml')
    .description('follow every feed of an OPML subscription list, its folders kept as categories')
    .argument('<file>', 'OPML file (.opml or .xml, optionally .gz)')
    .option('--json', 'print one JSON summary line')
    .action(async (file: string, options: { json?: boolean }) => {
      const opml = parseOpml(await readInputFile(file));
      const app = await context.app();
      const followed = new Set((await app.sources.list()).map((s) => followKey(s.url)));
      const added: Array<{ id: number; url: string; category: string | null }> = [];
      const skipped: string[] = [];
      for (const feed of opml.feeds) {
        if (followed.has(followKey(feed.url))) {
          skipped.push(feed.url);
          continue;
        }
        try {
          const source = await app.sources.add(
            { url: feed.url, title: feed.title, siteUrl: feed.siteUrl, category: feed.category },
            app.clock.now(),
          );
          added.push({ id: source.id, url: source.url, category: feed.category });
          followed.add(followKey(feed.url));
        } catch (error) {
          if (!(error instanceof NewsdeskError && error.code === 'SOURCE_EXISTS')) throw error;
          skipped.push(feed.url);
        }
      }
      if (options.json)
        return context.output.json({ added, skipped, invalid: opml.invalid, repeated: opml.repeated });
      context.output.line(
        `Added ${added.length} source${added.length === 1 ? '' : 's'} from ${file}; ${skipped.length} already followed, ` +
          `${opml.invalid.length} invalid entr${opml.invalid.length === 1 ? 'y' : 'ies'}` +
          (opml.repeated ? `, ${opml.repeated} listed twice` : '') +
          '.',
      );
      for (const entry of opml.invalid)
        context.output.line(
          `  skipped ${entry.title ?? '(untitled)'}${entry.url ? ` <${entry.url}>` : ''}: ${entry.reason}`,
        );
      if (added.length) context.output.line('Run `newsdesk refresh` to fetch them now.');
    });

  program
    .command('export-opml')
    .description('print the followed http(s) feeds as OPML 2.0, categories as folders')
    .action(async () => {
      const app = await context.app();
      // Local files and the bundled sample mean nothing on another machine: only web feeds are listed.
      const feeds: OpmlFeed[] = (await app.sources.list())
        .filter((s) => /^https?:\/\//i.test(s.url))
        .map((s) => ({ url: s.url, title: s.title, siteUrl: s.siteUrl, category: s.category ?? null }));
      process.stdout.write(
        writeOpml(feeds, { title: 'Newsdesk sources', dateCreated: new Date(app.clock.now()) }),
      );
    });
};

/** Two addresses that differ only in case, tracking parameters or a trailing slash are the same feed. */
function followKey(url: string): string {
  return normaliseUrlForIdentity(url) ?? url;
}
