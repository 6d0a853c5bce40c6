import { describe, expect, it } from 'vitest';
import { articleVector } from './article-vector.js';
import { defaultStoryIndexLimits, StoryIndex } from './story-index.js';
import { TermStatistics } from './term-statistics.js';

function setup(maxCandidates: number) {
  const statistics = new TermStatistics(0.7);
  const index = new StoryIndex(statistics, { ...defaultStoryIndexLimits, maxCandidates });
  const vectorOf = (text: string) => {
    const vector = articleVector({ text }, statistics);
    statistics.addDocument(vector.ids);
    return vector;
  };
  return { index, vectorOf };
}

describe('StoryIndex', () => {
  it('finds the story sharing the most heavy terms even when many share a common one', () => {
    const { index, vectorOf } = setup(3);
    const crowd = Array.from({ length: 40 }, (_, i) =>
      index.open(vectorOf(`markets report number ${i} on shares trading volume${i} ticker${i}`)),
    );
    const quake = index.open(
      vectorOf('earthquake struck Sumatra coast tsunami warning magnitude aftershocks'),
    );
    const matches = index.match(
      vectorOf('tsunami warning after earthquake struck Sumatra coast, markets report shares'),
      () => true,
    );
    expect(matches.length).toBeLessThanOrEqual(3);
    const best = matches.reduce((a, b) => (a.words + a.keys >= b.words + b.keys ? a : b));
    expect(best.slot).toBe(quake);
    expect(crowd).not.toContain(best.slot);
  });

  it('honours the accept filter and forgets closed stories', () => {
    const { index, vectorOf } = setup(8);
    const a = index.open(vectorOf('volcano erupted Iceland ash cloud flights grounded'));
    const b = index.open(vectorOf('volcano erupted Iceland ash cloud airports closed'));
    const query = vectorOf('Iceland volcano ash cloud grounded flights');
    expect(index.match(query, (slot) => slot !== a).map((m) => m.slot)).toEqual([b]);
    index.close(b);
    expect(index.match(query, () => true).map((m) => m.slot)).toEqual([a]);
  });

  it('does not grow its postings when a story absorbs the same terms again', () => {
    const { index, vectorOf } = setup(8);
    const vector = vectorOf('parliament passed budget law deficit spending taxes vote minister');
    const slot = index.open(vector);
    index.absorb(slot, vector);
    const before = index.memoryBytes();
    for (let i = 0; i < 20; i++) index.absorb(slot, vector);
    expect(index.memoryBytes()).toBe(before);
  });
});
