import { NewsdeskError } from '../../../platform/errors.js';
import { StoryClusterer } from '../../../pipeline/stories/story-clusterer.js';
import type { StoryArticle } from '../../../pipeline/stories/types.js';
import { runBatch, type Output } from '../io.js';
import type { RegisterCommand } from './index.js';

/** Fields of a batch line that are optional strings. */
const OPTIONAL_STRINGS = [
  'title',
  'published',
  'firstSeen',
  'url',
  'canonicalUrl',
  'lang',
  'source',
  'byline',
] as const;

/** Checks one `{"id","title"?,"text","published"?,"url"?,"lang"?}` line and turns it into a story article. */
export function storyArticleFromLine(row: Record<string, unknown>): StoryArticle {
  if ((typeof row.id !== 'string' && typeof row.id !== 'number') || row.id === '') {
    throw new NewsdeskError('INPUT_INVALID', 'The line has no "id" (a string or a number).');
  }
  if (typeof row.text !== 'string')
    throw new NewsdeskError('INPUT_INVALID', `Line ${row.id} has no "text" string.`);
  const article: StoryArticle = { id: String(row.id), text: row.text };
  for (const field of OPTIONAL_STRINGS) {
    const value = row[field];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'string')
      throw new NewsdeskError('INPUT_INVALID', `Line ${row.id}: "${field}" must be a string.`);
    article[field] = value;
  }
  return article;
}

/**
 * `newsdesk cluster --batch DOCS.jsonl`: reads articles in order as a stream and writes, per
 * line, the story it is in at the end of the stream and, for copies, the article it copies and
 * the original chosen when it arrived.
 */
export const registerCluster: RegisterCommand = (program, context) => {
  program
    .command('cluster')
    .description('Group articles into stories and find copies, as a stream: one JSON line out per line in.')
    .requiredOption('--batch <file>', 'JSON lines {"id","title"?,"text","published"?,"url"?,"lang"?}')
    .option(
      '--evidence',
      'add the evidence behind each answer (similarity, shared terms, copy and provenance scores)',
    )
    .action(async (options: { batch: string; evidence?: boolean }) => {
      const clusterer = new StoryClusterer();
      // Answers wait for the end of the batch: a later article can split a story that grew from
      // two events, and each line then says where its article ends up. One small object a line.
      const answers: Record<string, unknown>[] = [];
      const collect: Output = {
        line: () => undefined,
        json: (value) => answers.push(value as Record<string, unknown>),
      };
      // A bad line gets its own error answer; the batch as a whole still succeeds (exit 0).
      await runBatch(options.batch, collect, async (row) => {
        const result = clusterer.add(storyArticleFromLine(row));
        return {
          story: result.story,
          ...(result.duplicateOf === undefined ? {} : { duplicateOf: result.duplicateOf }),
          ...(result.original === undefined ? {} : { original: result.original }),
          ...(options.evidence ? { evidence: result.evidence } : {}),
        };
      });
      for (const answer of answers) {
        if (typeof answer.story === 'string')
          answer.story = clusterer.storyOf(String(answer.id)) ?? answer.story;
        context.output.json(answer);
      }
    });
};
