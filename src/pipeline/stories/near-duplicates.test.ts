import { describe, expect, it } from 'vitest';
import { DuplicateIndex } from './near-duplicates.js';

function wordsOf(seed: number, length: number): string[] {
  const out: string[] = [];
  let state = seed;
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    out.push(`w${state % 5000}`);
  }
  return out;
}

// One part of a statement sent by a wire in parts, and a paper printing the whole statement:
// the part is all in the paper, yet their Jaccard similarity is about 0.1.
const part = wordsOf(1, 150);
const statement = [...wordsOf(2, 450), ...part, ...wordsOf(3, 450)];

describe('DuplicateIndex', () => {
  it('finds a short text quoted whole in a much longer one, whichever comes first', () => {
    const partFirst = new DuplicateIndex();
    expect(partFirst.add('part', part)).toBeUndefined();
    const quoted = partFirst.add('statement', statement);
    expect(quoted).toMatchObject({ of: 'part', newIsContained: false });
    expect(quoted!.containment).toBeGreaterThanOrEqual(0.7);
    expect(quoted!.jaccard).toBeLessThan(0.3);

    const statementFirst = new DuplicateIndex();
    statementFirst.add('statement', statement);
    expect(statementFirst.add('part', part)).toMatchObject({ of: 'statement', newIsContained: true });
  });

  it('keeps finding contained texts after the window slid and the index was compacted', () => {
    // A window of four texts: the fillers slide out, and the ninth text's arrival compacts the index.
    const index = new DuplicateIndex({}, 4);
    const fillers = Array.from({ length: 8 }, (_, i) => wordsOf(100 + i, 300));
    fillers.forEach((filler, i) => index.add(`filler ${i}`, filler));
    index.add('statement', statement);
    expect(index.add('part', part)).toMatchObject({ of: 'statement', newIsContained: true });
    expect(index.add('first filler again', fillers[0]!)).toBeUndefined();
    expect(index.add('last filler again', fillers[7]!)).toMatchObject({ of: 'filler 7', exact: true });
  });

  it('does not call a long text a copy for sharing a few sentences with another', () => {
    const index = new DuplicateIndex();
    index.add('first', [...wordsOf(5, 600), ...part.slice(0, 40)]);
    expect(index.add('second', [...part.slice(0, 40), ...wordsOf(6, 600)])).toBeUndefined();
    expect(index.add('third', [...wordsOf(7, 120), ...part.slice(0, 60)])).toBeUndefined();
  });
});
