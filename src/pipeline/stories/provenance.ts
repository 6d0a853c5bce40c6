import { agencyOfUrl, hostOf, type Credit } from './credits.js';

/** One copy of a text, with what provenance needs to know about it. */
export interface CopyCandidate {
  id: string;
  /** Publisher's time, and Newsdesk's first-seen time, in epoch milliseconds. */
  published?: number;
  firstSeen?: number;
  /** How often its source is polled: a first-seen time is only that precise. */
  pollIntervalMinutes?: number;
  source?: string;
  url?: string;
  canonicalUrl?: string;
  links?: string[];
  credits?: Credit[];
  /** Share of this text's shingles found in each other copy (by id). */
  containedIn?: Record<string, number>;
}

/** The verdict on one copy. */
export interface ProvenanceScore {
  id: string;
  score: number;
  reasons: string[];
}

export interface ProvenanceVerdict {
  original: string;
  scores: ProvenanceScore[];
}

/** Points each kind of evidence is worth: explicit statements outweigh timing, which outweighs text shape. */
const POINTS = { credited: 4, credits: -3, canonical: 4, linked: 2, links: -1, earliest: 2, contained: 1 };

/**
 * Decides which copy in a group is the original, with a score and reasons for each: explicit
 * credits ("available at eg24.news", "(واس)") and canonical links pointing at a copy, links
 * from one copy to another, the earliest time (published, else first seen less the polling
 * interval, since the copy may have appeared any time since the previous poll), and which
 * text is contained in the others (copies add templates and boilerplate around the original).
 */
export function chooseOriginal(copies: readonly CopyCandidate[]): ProvenanceVerdict {
  const scores = new Map(copies.map((c) => [c.id, { id: c.id, score: 0, reasons: [] as string[] }]));
  const award = (id: string, points: number, reason: string) => {
    const entry = scores.get(id)!;
    entry.score += points;
    entry.reasons.push(`${points > 0 ? '+' : ''}${points} ${reason}`);
  };
  for (const copy of copies) {
    for (const other of copies) {
      if (other === copy) continue;
      const otherHost = hostOf(other.url);
      const otherAgency = agencyOfUrl(other.url) ?? other.source?.toLowerCase();
      for (const credit of copy.credits ?? []) {
        if (credit.name === otherHost || credit.name === otherAgency) {
          award(other.id, POINTS.credited, `credited by ${copy.id} ("${credit.phrase}")`);
          award(copy.id, POINTS.credits, `credits ${other.id} ("${credit.phrase}")`);
        }
      }
      if (
        copy.canonicalUrl &&
        other.url &&
        sameAddress(copy.canonicalUrl, other.url) &&
        !sameAddress(copy.canonicalUrl, copy.url)
      ) {
        award(other.id, POINTS.canonical, `canonical link of ${copy.id}`);
      }
      if (other.url && copy.links?.some((link) => sameAddress(link, other.url))) {
        award(other.id, POINTS.linked, `linked from ${copy.id}`);
        award(copy.id, POINTS.links, `links to ${other.id}`);
      }
    }
  }
  awardEarliest(copies, award);
  awardMostContained(copies, award);
  const ranked = [...scores.values()].sort(
    (a, b) => b.score - a.score || order(copies, a.id) - order(copies, b.id),
  );
  return { original: ranked[0]!.id, scores: ranked };
}

function awardEarliest(
  copies: readonly CopyCandidate[],
  award: (id: string, points: number, reason: string) => void,
): void {
  const times = copies.map((c) => ({
    id: c.id,
    time:
      c.published ??
      (c.firstSeen === undefined ? undefined : c.firstSeen - (c.pollIntervalMinutes ?? 0) * 60_000),
  }));
  const known = times.filter((t): t is { id: string; time: number } => t.time !== undefined);
  if (known.length < 2) return;
  const earliest = Math.min(...known.map((t) => t.time));
  const first = known.filter((t) => t.time === earliest);
  if (first.length === 1)
    award(first[0]!.id, POINTS.earliest, `earliest (${new Date(earliest).toISOString()})`);
}

function awardMostContained(
  copies: readonly CopyCandidate[],
  award: (id: string, points: number, reason: string) => void,
): void {
  let best: { id: string; value: number } | undefined;
  for (const copy of copies) {
    const values = Object.values(copy.containedIn ?? {});
    if (values.length === 0) continue;
    const value = values.reduce((a, b) => a + b, 0) / values.length;
    if (!best || value > best.value + 0.05) best = { id: copy.id, value };
  }
  if (best && best.value >= 0.8)
    award(
      best.id,
      POINTS.contained,
      `its text is contained in the other copies (${Math.round(best.value * 100)}%)`,
    );
}

function order(copies: readonly CopyCandidate[], id: string): number {
  return copies.findIndex((c) => c.id === id);
}

function sameAddress(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return false;
  const strip = (u: string) =>
    u
      .replace(/^https?:\/\/(www\.)?/i, '')
      .replace(/[#?].*$/, '')
      .replace(/\/$/, '')
      .toLowerCase();
  return strip(a) === strip(b);
}
