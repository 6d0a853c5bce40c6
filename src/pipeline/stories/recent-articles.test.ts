import { describe, expect, it } from 'vitest';
import type { SparseVector } from './article-vector.js';
import { RecentArticles } from './recent-articles.js';

function vector(ids: number[], subject = -1): SparseVector {
  return {
    ids: Uint32Array.from(ids),
    weights: Float32Array.from(ids.map((id) => id / 10)),
    terms: ids.map(String),
    subject,
    subjectMentions: subject >= 0 ? 3 : 0,
    mentions: new Uint16Array(ids.length),
  };
}

describe('RecentArticles', () => {
  it('gives back what it was given: ids, weights, subject, ages and times', () => {
    const recent = new RecentArticles(8, 4);
    recent.remember('a', { vector: vector([1, 5, 9], 5), ages: [33, 61], time: 1000, eventTime: NaN });
    const a = recent.get('a')!;
    expect([...a.vector.ids]).toEqual([1, 5, 9]);
    expect([...a.vector.weights]).toEqual([...Float32Array.from([0.1, 0.5, 0.9])]);
    expect(a.vector.subject).toBe(5);
    expect(a.vector.subjectMentions).toBe(3);
    expect(a.ages).toEqual([33, 61]);
    expect(a.time).toBe(1000);
    expect(a.eventTime).toBeNaN();
    expect(recent.get('b')).toBeUndefined();
  });

  it('keeps at most the terms a slot holds', () => {
    const recent = new RecentArticles(8, 2);
    recent.remember('a', { vector: vector([1, 2, 3]), ages: [], time: 0, eventTime: 0 });
    expect([...recent.get('a')!.vector.ids]).toEqual([1, 2]);
  });

  it('forgets the oldest article once every slot is used, across growth of its arrays', () => {
    const capacity = 2500; // grows from 1,024 slots twice before the ring wraps
    const recent = new RecentArticles(capacity, 3);
    for (let i = 0; i < capacity + 10; i++)
      recent.remember(`a${i}`, { vector: vector([i, i + 1]), ages: [], time: i, eventTime: i });
    for (let i = 0; i < 10; i++) expect(recent.get(`a${i}`)).toBeUndefined();
    expect([...recent.get('a10')!.vector.ids]).toEqual([10, 11]);
    expect(recent.get(`a${capacity + 9}`)!.time).toBe(capacity + 9);
    expect(recent.get('a1500')!.eventTime).toBe(1500);
  });

  it('remembers nothing with no capacity', () => {
    const recent = new RecentArticles(0, 3);
    recent.remember('a', { vector: vector([1]), ages: [], time: 0, eventTime: 0 });
    expect(recent.get('a')).toBeUndefined();
    expect(recent.memoryBytes()).toBe(0);
  });
});
