import type { Source } from './source.js';

/** How a source is doing: paused, failing, not fetched yet, or fine. */
export type HealthStatus = 'paused' | 'failing' | 'pending' | 'ok';

export function healthOf(source: Source): HealthStatus {
  if (source.pausedAt !== null) return 'paused';
  if (source.errorCount > 0) return 'failing';
  if (source.lastSuccessAt === null) return 'pending';
  return 'ok';
}

const rank: Record<HealthStatus, number> = { paused: 0, failing: 1, pending: 2, ok: 3 };

/**
 * Worst first: paused sources, then failing ones by how many checks in a row failed, then
 * sources never fetched, then the healthy ones with the stalest success first. Ties keep
 * id order. The input is not changed.
 */
export function sourcesByHealth<S extends Source>(sources: readonly S[]): S[] {
  return [...sources].sort(
    (a, b) =>
      rank[healthOf(a)] - rank[healthOf(b)] ||
      b.errorCount - a.errorCount ||
      (a.lastSuccessAt ?? 0) - (b.lastSuccessAt ?? 0) ||
      a.id - b.id,
  );
}
