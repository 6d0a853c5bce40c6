import { mentionsOf, type SparseVector } from './article-vector.js';

/** Most subjects remembered per story: a story is about a handful of people. */
const MAX_SUBJECTS = 8;
/** A story is about a person when at least this share of its articles are. */
const DOMINANT_SHARE = 0.5;
/**
 * An article names the story's person in passing when it does so at most this share as often
 * as its own subject.
 */
const PASSING_SHARE = 0.5;

interface Subjects {
  ids: number[];
  counts: number[];
  articles: number;
}

/**
 * Who each active story is about: the subjects of its articles (the person a lead names in
 * full and the text names most), counted per article. Two events of one kind (two celebrities
 * entering rehab, two players of one team put on injured reserve) share most words and even
 * the names of places, institutions and each other's people; what differs is whom each text is
 * about. An article about someone none of the story's articles is about, naming the story's
 * person at most in passing, is about another event.
 */
export class StorySubjects {
  private readonly bySlot = new Map<number, Subjects>();

  /** Counts the subject of an article that joined (or opened) the story in `slot`. */
  record(slot: number, vector: SparseVector): void {
    let subjects = this.bySlot.get(slot);
    if (!subjects) {
      subjects = { ids: [], counts: [], articles: 0 };
      this.bySlot.set(slot, subjects);
    }
    subjects.articles++;
    if (vector.subject < 0) return;
    const at = subjects.ids.indexOf(vector.subject);
    if (at >= 0) subjects.counts[at]!++;
    else if (subjects.ids.length < MAX_SUBJECTS) {
      subjects.ids.push(vector.subject);
      subjects.counts.push(1);
    }
  }

  forget(slot: number): void {
    this.bySlot.delete(slot);
  }

  /**
   * True when the article has a subject that is not the subject of any of the story's articles,
   * and the story's own subject (of at least half its articles) is named in the article at most
   * half as often as the article's subject.
   */
  conflicts(slot: number, vector: SparseVector): boolean {
    const subjects = this.bySlot.get(slot);
    if (!subjects || vector.subject < 0 || subjects.ids.includes(vector.subject)) return false;
    const dominant = dominantCount(subjects);
    for (let i = 0; i < subjects.ids.length; i++)
      if (
        subjects.counts[i]! >= dominant &&
        mentionsOf(vector, subjects.ids[i]!) <= vector.subjectMentions * PASSING_SHARE
      )
        return true;
    return false;
  }

  /** True when the article's subject is the subject of at least half the story's articles. */
  sharesSubject(slot: number, vector: SparseVector): boolean {
    const subjects = this.bySlot.get(slot);
    if (!subjects || vector.subject < 0) return false;
    const at = subjects.ids.indexOf(vector.subject);
    return at >= 0 && subjects.counts[at]! >= dominantCount(subjects);
  }

  memoryBytes(): number {
    let bytes = 0;
    for (const subjects of this.bySlot.values()) bytes += 96 + subjects.ids.length * 16;
    return bytes;
  }
}

/** Articles a subject must be the subject of for the story to be about that person. */
function dominantCount(subjects: Subjects): number {
  return Math.max(1, Math.ceil(subjects.articles * DOMINANT_SHARE));
}
