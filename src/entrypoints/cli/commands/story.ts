import { describeStory, type StoryView } from '../../../pipeline/ingest/story-view.js';
import { NewsdeskError } from '../../../platform/errors.js';
import type { RegisterCommand } from './index.js';

/** `newsdesk story show ID [--json]`: a story's articles, its original and copies, and its facts. */
export const registerStory: RegisterCommand = (program, context) => {
  const story = program.command('story').description('show stories: groups of articles about one event');
  story
    .command('show')
    .description('show a story: every article with source and time, the original and its copies, the facts')
    .argument('<id>', 'story id (the id of the article that opened it)')
    .option('--json', 'print the story as one JSON object')
    .action(async (id: string, options: { json?: boolean }) => {
      if (!/^\d{1,15}$/.test(id))
        throw new NewsdeskError('USAGE', `${JSON.stringify(id)} is not a story id (a positive integer).`);
      const app = await context.app();
      const stored = await app.stories.story(Number(id));
      if (!stored) throw new NewsdeskError('NOT_FOUND', `There is no story ${id}.`);
      const view = describeStory(stored, await app.stories.linkedStories(stored.id));
      if (options.json) return context.output.json(view);
      for (const line of storyLines(view)) context.output.line(line);
    });
};

const time = (t: number) => new Date(t).toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
const percent = (share: number) => `${Math.round(share * 100)}%`;

/** The story as text: a header, one line per article, then the facts. */
export function storyLines(view: StoryView): string[] {
  const lines = [
    `story ${view.id}: ${view.title}`,
    `${view.articleCount} article${view.articleCount === 1 ? '' : 's'}, ${time(view.firstPublishedAt)} to ${time(view.lastPublishedAt)}`,
    '',
  ];
  for (const a of view.articles) {
    const role =
      a.role === 'original'
        ? 'ORIGINAL'
        : a.role === 'copy'
          ? `copy of ${a.originalId}, ${a.changedShare === null ? '?' : percent(a.changedShare)} changed`
          : '';
    lines.push(
      `${String(a.id).padStart(6)}  ${time(a.publishedAt)}  ${a.sourceName}  ${a.title}${role ? `  [${role}]` : ''}`,
    );
    for (const reason of a.reasons) lines.push(`          original because: ${reason}`);
  }
  const { people, organisations, places, dates } = view.entities;
  const named = (label: string, entries: { name: string; articles: number }[]) => {
    if (entries.length)
      lines.push(`${label}: ${entries.slice(0, 12).map((e) => `${e.name} (${e.articles})`).join(', ')}`);
  };
  if (people.length || organisations.length || places.length || dates.length) lines.push('');
  named('people', people);
  named('organisations', organisations);
  named('places', places);
  named('dates', dates.map((d) => ({ name: d.date, articles: d.articles })));
  if (view.otherLanguages.length) {
    lines.push('', 'in other languages:');
    for (const l of view.otherLanguages) lines.push(`  story ${l.id} [${l.lang}] ${l.title} (both name: ${l.shared.join(', ')})`);
  }
  if (view.quantities.length) {
    lines.push('', 'quantities:');
    for (const q of view.quantities)
      lines.push(`  ${q.phrase} (${q.articles} article${q.articles === 1 ? '' : 's'})`);
  }
  if (view.claims.length) {
    lines.push('', 'claims:');
    for (const c of view.claims)
      lines.push(
        `  ${c.who} ${c.verb}${c.about ? ` ${c.about}` : ''}: ${c.what} (${c.articles} article${c.articles === 1 ? '' : 's'})`,
      );
  }
  return lines;
}
