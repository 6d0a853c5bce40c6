import { describe, expect, it } from 'vitest';
import type { Source } from './source.js';
import { healthOf, sourcesByHealth } from './source-health.js';

const base: Source = {
  id: 0, url: '', title: null, siteUrl: null, isSample: false, createdAt: 0, nextCheckAt: 0, lastCheckedAt: null,
  lastSuccessAt: null, etag: null, lastModified: null, errorCount: 0, lastErrorCode: null, lastErrorMessage: null,
  pausedAt: null, pauseReason: null, fetchCount: 0, meanLatencyMs: null,
};
const source = (id: number, fields: Partial<Source>): Source => ({ ...base, id, url: `https://s${id}.example/feed`, ...fields });

describe('sources by health', () => {
  it('puts paused sources first, then the most failing, then never-fetched, then the stalest healthy ones', () => {
    const sources = [
      source(1, { lastSuccessAt: 5000 }),
      source(2, { errorCount: 1, lastSuccessAt: 9000 }),
      source(3, {}),
      source(4, { errorCount: 7 }),
      source(5, { lastSuccessAt: 1000 }),
      source(6, { errorCount: 1, lastSuccessAt: 2000 }),
      source(7, { errorCount: 1, pausedAt: 3000 }),
    ];
    expect(sourcesByHealth(sources).map((s) => s.id)).toEqual([7, 4, 6, 2, 3, 5, 1]);
    expect(sources.map((s) => s.id)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(sources.map(healthOf)).toEqual(['ok', 'failing', 'pending', 'failing', 'ok', 'failing', 'paused']);
  });
});
