import { agencyOf, agencyOfUrl, hostOf, type Credit } from './credits.js';

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
const POINTS = {
  credited: 4,
  credits: -3,
  selfCredited: 2,
  canonical: 4,
  linked: 2,
  links: -1,
  earliest: 2,
  contained: 1,
};

/**
 * Decides which copy in a group is the original, with a score and reasons for each: explicit
 * credits ("available at eg24.news", "(واس)") and canonical links pointing at a copy, an
 * agency's copy under its own dateline, links from one copy to another, the earliest time
 * (published, else the span since the source's previous poll, as the copy may have appeared
 * any time in it), and which text is contained in the others (copies add templates and
 * boilerplate around the original).
 */
export function chooseOriginal(copies: readonly CopyCandidate[]): ProvenanceVerdict {
  const scores = new Map(copies.map((c) => [c.id, { id: c.id, score: 0, reasons: [] as string[] }]));
  const award = (id: string, points: number, reason: string) => {
    const entry = scores.get(id)!;
    entry.score += points;
    entry.reasons.push(`${points > 0 ? '+' : ''}${points} ${reason}`);
  };
  for (const copy of copies) {
    // A wire agency heads its own stories with its name ("… م واس", "(Reuters) -"); a copy that
    // does so from the agency's own address is the agency's story, whatever time it was seen.
    const ownAgency = agencyOfUrl(copy.url) ?? agencyOf(copy.source ?? '');
    const selfCredit = ownAgency && copy.credits?.find((credit) => credit.name === ownAgency);
    if (selfCredit) award(copy.id, POINTS.selfCredited, `its own agency's dateline ("${selfCredit.phrase}")`);
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

/** Chance above which the earliest copy counts as probably first, and as surely first. */
const PROBABLY_FIRST = 2 / 3;
const SURELY_FIRST = 0.95;

/**
 * Points to the copy that appeared first. A publisher's time is a moment; a first-seen time only
 * says the copy appeared since the source's previous poll, so it stands for that whole span.
 * The copy whose span comes first gets full points when it surely came before every other
 * copy, one point when it probably did, and none when the spans overlap too much to tell (two
 * sources polled once a day, seen two hours apart).
 */
function awardEarliest(
  copies: readonly CopyCandidate[],
  award: (id: string, points: number, reason: string) => void,
): void {
  const spans = copies.flatMap((c) => {
    const span = appearanceSpan(c);
    return span ? [{ id: c.id, ...span }] : [];
  });
  if (spans.length < 2) return;
  const first = spans.reduce((a, b) => (b.from + b.to < a.from + a.to ? b : a));
  const chance = Math.min(...spans.filter((s) => s !== first).map((s) => chanceBefore(first, s)));
  const iso = (time: number) => new Date(time).toISOString();
  const when =
    first.from !== first.to
      ? `appeared between ${iso(first.from)} and ${iso(first.to)}`
      : `${first.published ? 'published' : 'first seen'} ${iso(first.to)}`;
  if (chance >= SURELY_FIRST) award(first.id, POINTS.earliest, `earliest (${when})`);
  else if (chance >= PROBABLY_FIRST)
    award(first.id, POINTS.earliest / 2, `probably earliest (${when}; chance ${Math.round(chance * 100)}%)`);
}

interface Span {
  from: number;
  to: number;
  /** The publisher's time, not Newsdesk's first sight. */
  published: boolean;
}

function appearanceSpan(copy: CopyCandidate): Span | undefined {
  if (copy.published !== undefined) return { from: copy.published, to: copy.published, published: true };
  if (copy.firstSeen === undefined) return undefined;
  const from = copy.firstSeen - (copy.pollIntervalMinutes ?? 0) * 60_000;
  return { from, to: copy.firstSeen, published: false };
}

/** Chance that a moment drawn evenly from span `a` comes before one drawn from span `b` (ties count half). */
function chanceBefore(a: Span, b: Span): number {
  const steps = a.to > a.from ? 32 : 1;
  let sum = 0;
  for (let i = 0; i < steps; i++) {
    const t = steps === 1 ? a.from : a.from + ((i + 0.5) / steps) * (a.to - a.from);
    if (b.to === b.from) sum += t < b.from ? 1 : t === b.from ? 0.5 : 0;
    else sum += Math.min(1, Math.max(0, (b.to - t) / (b.to - b.from)));
  }
  return sum / steps;
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
