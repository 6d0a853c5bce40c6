import type { SparseVector } from './article-vector.js';
import { indexOfId } from './term-ranking.js';

/** Most lead names remembered per story: a story is about a handful of people. */
const MAX_LEAD_NAMES = 12;
const DOMINANT_SHARE = 0.5;

interface Subjects {
  ids: number[];
  counts: number[];
  articles: number;
}

/**
 * Who each active story is about: the full names its articles lead with, counted per article.
 * Two events of one kind (two celebrities entering rehab, two aides of one president dying)
 * share most words and even the names of places and institutions; what differs is the person
 * in the lead. An article that leads with someone the story never names, joining a story
 * that leads with someone the article never names, is about another event.
 */
export class StorySubjects {
  private readonly bySlot = new Map<number, Subjects>();

  /** Counts the lead names of an article that joined (or opened) the story in `slot`. */
  record(slot: number, vector: SparseVector): void {
    let subjects = this.bySlot.get(slot);
    if (!subjects) {
      subjects = { ids: [], counts: [], articles: 0 };
      this.bySlot.set(slot, subjects);
    }
    subjects.articles++;
    for (const id of vector.leadNames) {
      const at = subjects.ids.indexOf(id);
      if (at >= 0) subjects.counts[at]!++;
      else if (subjects.ids.length < MAX_LEAD_NAMES) {
        subjects.ids.push(id);
        subjects.counts.push(1);
      }
    }
  }

  forget(slot: number): void {
    this.bySlot.delete(slot);
  }

  /**
   * True when the article and the story lead with no person in common, the article leads with
   * someone the story never names, and the story's own dominant lead name (in at least half its
   * articles) is absent from the article.
   */
  conflicts(slot: number, vector: SparseVector, storyKnows: (id: number) => boolean): boolean {
    const subjects = this.bySlot.get(slot);
    if (!subjects || vector.leadNames.length === 0) return false;
    let stranger = false;
    for (const id of vector.leadNames) {
      if (subjects.ids.includes(id)) return false;
      if (!storyKnows(id)) stranger = true;
    }
    if (!stranger) return false;
    const dominant = Math.max(1, Math.ceil(subjects.articles * DOMINANT_SHARE));
    for (let i = 0; i < subjects.ids.length; i++)
      if (subjects.counts[i]! >= dominant && indexOfId(vector.ids, subjects.ids[i]!) < 0) return true;
    return false;
  }

  memoryBytes(): number {
    let bytes = 0;
    for (const subjects of this.bySlot.values()) bytes += 96 + subjects.ids.length * 16;
    return bytes;
  }
}
