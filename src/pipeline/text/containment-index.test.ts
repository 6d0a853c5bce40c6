import { describe, expect, it } from 'vitest';
import { pseudoWords } from '../../../test/support/pseudo-words.js';
import { ContainmentIndex } from './containment-index.js';
import { shingleStream } from './shingles.js';

const story = pseudoWords(1, 150);
// A long article that quotes the whole story in its middle.
const compilation = [...pseudoWords(2, 500), ...story, ...pseudoWords(3, 500)];
const unrelated = pseudoWords(4, 1100);

describe('ContainmentIndex', () => {
  it('finds a short text inside a long one, and the long one around it, by shared samples', () => {
    const index = new ContainmentIndex();
    const storySamples = index.samples(shingleStream(story));
    expect(storySamples.length).toBeGreaterThan(3);
    index.add(0, storySamples, index.matches(storySamples).indexedUsable);
    index.add(1, index.samples(shingleStream(unrelated)), 0);
    const found = index.matches(index.samples(shingleStream(compilation)));
    // Every sample of the story is in the compilation; nothing of the unrelated text is.
    expect(found.slots).toEqual([0]);
    expect(found.shared[0]).toBe(index.usableSamples(0));

    const reverse = new ContainmentIndex();
    const compilationSamples = reverse.samples(shingleStream(compilation));
    reverse.add(7, compilationSamples, compilationSamples.length);
    const excerpt = reverse.matches(storySamples);
    expect(excerpt.slots).toEqual([7]);
    expect(excerpt.shared[0]).toBe(excerpt.usable);
  });

  it('ignores samples that many texts share, as boilerplate', () => {
    const index = new ContainmentIndex(4, 512, 128, 2);
    const formula = pseudoWords(9, 80);
    for (let slot = 0; slot < 3; slot++) {
      const samples = index.samples(shingleStream([...formula, ...pseudoWords(20 + slot, 200)]));
      index.add(slot, samples, index.matches(samples).indexedUsable);
    }
    const querySamples = index.samples(shingleStream([...formula, ...pseudoWords(99, 200)]));
    const query = index.matches(querySamples);
    // The formula's samples are in three texts already: more than the limit, so none counts.
    expect(query.slots).toEqual([]);
    const formulaSamples = new Set(index.samples(shingleStream(formula)));
    expect(formulaSamples.size).toBeGreaterThan(0);
    expect(query.usable).toBe(querySamples.filter((sample) => !formulaSamples.has(sample)).length);
  });

  it('forgets removed texts and finds remapped ones under their new slots', () => {
    const index = new ContainmentIndex();
    const storySamples = index.samples(shingleStream(story));
    index.add(0, index.samples(shingleStream(unrelated)), 0);
    index.add(1, storySamples, storySamples.length);
    index.add(2, storySamples, storySamples.length);
    index.remove(1);
    expect(index.matches(storySamples).slots).toEqual([2]);
    index.remap((slot) => slot - 1);
    const found = index.matches(storySamples);
    expect(found.slots).toEqual([1]);
    expect(index.usableSamples(1)).toBe(storySamples.length);
  });
});
