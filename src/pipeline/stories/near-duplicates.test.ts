import { describe, expect, it } from 'vitest';
import { pseudoWords } from '../../../test/support/pseudo-words.js';
import { DuplicateIndex } from './near-duplicates.js';

// One part of a statement sent by a wire in parts, and a paper printing the whole statement:
// the part is all in the paper, yet their Jaccard similarity is about 0.1.
const part = pseudoWords(1, 150);
const statement = [...pseudoWords(2, 450), ...part, ...pseudoWords(3, 450)];

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
    const fillers = Array.from({ length: 8 }, (_, i) => pseudoWords(100 + i, 300));
    fillers.forEach((filler, i) => index.add(`filler ${i}`, filler));
    index.add('statement', statement);
    expect(index.add('part', part)).toMatchObject({ of: 'statement', newIsContained: true });
    expect(index.add('first filler again', fillers[0]!)).toBeUndefined();
    expect(index.add('last filler again', fillers[7]!)).toMatchObject({ of: 'filler 7', exact: true });
  });

  it('does not call a long text a copy for sharing a few sentences with another', () => {
    const index = new DuplicateIndex();
    index.add('first', [...pseudoWords(5, 600), ...part.slice(0, 40)]);
    expect(index.add('second', [...part.slice(0, 40), ...pseudoWords(6, 600)])).toBeUndefined();
    expect(index.add('third', [...pseudoWords(7, 120), ...part.slice(0, 60)])).toBeUndefined();
  });
});
