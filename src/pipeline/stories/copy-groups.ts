import { chooseOriginal, type CopyCandidate, type ProvenanceVerdict } from './provenance.js';

/**
 * Groups of copies of one text, grown as near-duplicates are found, each with its current
 * verdict on which copy is the original. Only the most recent `capacity` articles are
 * remembered, so memory stays bounded on an endless stream.
 */
export class CopyGroups {
  private readonly capacity: number;
  private readonly articles = new Map<string, CopyCandidate>();
  private readonly groupOf = new Map<string, string[]>();

  constructor(capacity: number) {
    this.capacity = capacity;
  }

  /** Remembers an article; with `copyOf`, joins it to that article's group and judges the group. */
  add(
    candidate: CopyCandidate,
    copyOf?: { of: string; containment: number; newIsContained: boolean },
  ): ProvenanceVerdict | undefined {
    this.articles.set(candidate.id, candidate);
    if (this.articles.size > this.capacity) this.forget(this.articles.keys().next().value!);
    const earlier = copyOf ? this.articles.get(copyOf.of) : undefined;
    if (!copyOf || !earlier) return undefined;
    const smaller = copyOf.newIsContained ? candidate : earlier;
    const larger = copyOf.newIsContained ? earlier : candidate;
    smaller.containedIn = { ...smaller.containedIn, [larger.id]: copyOf.containment };
    const group = this.groupOf.get(earlier.id) ?? [earlier.id];
    group.push(candidate.id);
    for (const id of group) this.groupOf.set(id, group);
    const members = group
      .map((id) => this.articles.get(id))
      .filter((c): c is CopyCandidate => c !== undefined);
    return chooseOriginal(members);
  }

  /** The ids in an article's copy group (just itself when it has no copies). */
  groupMembers(id: string): string[] {
    return this.groupOf.get(id) ?? [id];
  }

  private forget(id: string): void {
    this.articles.delete(id);
    const group = this.groupOf.get(id);
    if (!group) return;
    this.groupOf.delete(id);
    const at = group.indexOf(id);
    if (at >= 0) group.splice(at, 1);
  }
}
