import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { readStoryFixture } from '../../../../test/fixtures/stories/read-fixture.js';
import type { CliContext } from '../context.js';
import { registerCluster } from './cluster.js';

async function cluster(lines: string[], extra: string[] = []): Promise<Record<string, unknown>[]> {
  const out: string[] = [];
  const context = {
    output: {
      line: (text: string) => out.push(text),
      json: (value: unknown) => out.push(JSON.stringify(value)),
    },
    fail: () => undefined,
  } as unknown as CliContext;
  const manifest = join(mkdtempSync(join(tmpdir(), 'newsdesk-cluster-')), 'docs.jsonl');
  writeFileSync(manifest, lines.join('\n') + '\n');
  const program = new Command().exitOverride();
  registerCluster(program, context);
  await program.parseAsync(['node', 'newsdesk', 'cluster', '--batch', manifest, ...extra]);
  return out.map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('newsdesk cluster --batch', () => {
  it('answers every line in order: story, copies with their original, errors for bad lines', async () => {
    const original = readStoryFixture('original-article.txt');
    const copy = readStoryFixture('republished-copy.txt');
    const out = await cluster([
      JSON.stringify({
        id: 'copy',
        text: copy,
        url: 'https://gulf-daily.test/a/1',
        published: '2026-03-03T08:00:00Z',
      }),
      'this is not json',
      JSON.stringify({ id: 'no-text' }),
      JSON.stringify({
        id: 'original',
        text: original,
        url: 'https://northwire.news/floods',
        published: '2026-03-03T09:00:00Z',
      }),
      JSON.stringify({ id: 7, text: 'Breaking' }),
    ]);
    expect(out.map((o) => o.id)).toEqual(['copy', null, 'no-text', 'original', 7]);
    expect(out[0]).toEqual({ id: 'copy', story: 'copy' });
    expect((out[1]!.error as { code: string }).code).toBe('INPUT_INVALID');
    expect((out[2]!.error as { code: string }).code).toBe('INPUT_INVALID');
    expect(out[3]).toEqual({ id: 'original', story: 'copy', duplicateOf: 'copy', original: 'original' });
    expect(out[4]).toEqual({ id: 7, story: '7' });
  });

  it('adds the evidence when asked', async () => {
    const text = readStoryFixture('original-article.txt');
    const out = await cluster(
      [JSON.stringify({ id: 'a', text }), JSON.stringify({ id: 'b', text })],
      ['--evidence'],
    );
    expect(out[1]).toMatchObject({
      id: 'b',
      story: 'a',
      duplicateOf: 'a',
      evidence: { copy: { of: 'a', exact: true } },
    });
  });

  it('says where each article ends up when a later article split its story', async () => {
    // ECB+ topic 12 (CC BY 3.0): two pirate attacks whose reports grow into one story, then split.
    const docs = readStoryFixture('ecbplus-topic-12.jsonl')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { doc: string; cluster: string; text: string });
    const out = await cluster(docs.map((d) => JSON.stringify({ id: d.doc, text: d.text })));
    const storyOf = new Map(out.map((o) => [o.id, o.story]));
    // Every story printed holds one event: the reports printed before the split say where they went.
    const events = new Map<unknown, Set<string>>();
    for (const d of docs)
      events.set(storyOf.get(d.doc), (events.get(storyOf.get(d.doc)) ?? new Set()).add(d.cluster));
    const mixed = docs.filter((d) => events.get(storyOf.get(d.doc))!.size > 1);
    expect(mixed.length).toBeLessThanOrEqual(2);
  });
});
