import type { SparseVector } from './article-vector.js';

/** What a story is rebuilt from: an article's vector (ids, weights, subject) and lead facts. */
export interface RecentArticle {
  vector: SparseVector;
  ages: readonly number[];
  time: number;
  eventTime: number;
}

/** Ages kept per article: a lead states one or two. */
const MAX_AGES = 4;
const NO_MENTIONS = new Uint16Array(0);

/**
 * The vectors of the most recent articles, for the split checks of the stories they are in. They
 * live in fixed typed arrays used as a ring, one slot per article, so remembering one copies a few
 * hundred numbers and keeps no object alive: kept as objects, they outlived the young generation
 * and made the garbage collector a tenth slower. An article whose slot was reused is forgotten.
 */
export class RecentArticles {
  private ids = new Uint32Array(0);
  private weights = new Float32Array(0);
  private lengths = new Uint16Array(0);
  private subjects = new Int32Array(0);
  private subjectMentions = new Uint16Array(0);
  private times = new Float64Array(0);
  private eventTimes = new Float64Array(0);
  private ages = new Uint8Array(0);
  private ageCounts = new Uint8Array(0);
  private readonly idOfSlot: (string | undefined)[] = [];
  private readonly slotOfId = new Map<string, number>();
  /** Slots allocated so far: the arrays grow to `capacity` before the ring starts to wrap. */
  private slots = 0;
  private next = 0;

  constructor(
    readonly capacity: number,
    private readonly termsPerArticle: number,
  ) {}

  remember(id: string, article: RecentArticle): void {
    if (this.capacity === 0) return;
    if (this.next === this.slots && this.slots < this.capacity) this.grow();
    const slot = this.next;
    // Past the last slot: grow on the next call while below capacity, else wrap to the oldest.
    this.next = slot + 1 < this.slots || this.slots < this.capacity ? slot + 1 : 0;
    const previous = this.idOfSlot[slot];
    if (previous !== undefined && this.slotOfId.get(previous) === slot) this.slotOfId.delete(previous);
    this.idOfSlot[slot] = id;
    this.slotOfId.set(id, slot);
    const { vector } = article;
    const length = Math.min(vector.ids.length, this.termsPerArticle);
    const base = slot * this.termsPerArticle;
    this.ids.set(vector.ids.subarray(0, length), base);
    this.weights.set(vector.weights.subarray(0, length), base);
    this.lengths[slot] = length;
    this.subjects[slot] = vector.subject;
    this.subjectMentions[slot] = Math.min(65_535, vector.subjectMentions);
    this.times[slot] = article.time;
    this.eventTimes[slot] = article.eventTime;
    const ages = article.ages.slice(0, MAX_AGES);
    this.ageCounts[slot] = ages.length;
    for (let i = 0; i < ages.length; i++) this.ages[slot * MAX_AGES + i] = ages[i]!;
  }

  /** The article as remembered, or undefined once its slot was reused. Views stay valid until the next `remember`. */
  get(id: string): RecentArticle | undefined {
    const slot = this.slotOfId.get(id);
    if (slot === undefined) return undefined;
    const base = slot * this.termsPerArticle;
    const end = base + this.lengths[slot]!;
    const ages: number[] = [];
    for (let i = 0; i < this.ageCounts[slot]!; i++) ages.push(this.ages[slot * MAX_AGES + i]!);
    return {
      vector: {
        ids: this.ids.subarray(base, end),
        weights: this.weights.subarray(base, end),
        terms: [],
        subject: this.subjects[slot]!,
        subjectMentions: this.subjectMentions[slot]!,
        mentions: NO_MENTIONS,
      },
      ages,
      time: this.times[slot]!,
      eventTime: this.eventTimes[slot]!,
    };
  }

  private grow(): void {
    const slots = Math.min(this.capacity, Math.max(1024, this.slots * 2));
    const terms = this.termsPerArticle;
    this.ids = grown(this.ids, new Uint32Array(slots * terms));
    this.weights = grown(this.weights, new Float32Array(slots * terms));
    this.lengths = grown(this.lengths, new Uint16Array(slots));
    this.subjects = grown(this.subjects, new Int32Array(slots));
    this.subjectMentions = grown(this.subjectMentions, new Uint16Array(slots));
    this.times = grown(this.times, new Float64Array(slots));
    this.eventTimes = grown(this.eventTimes, new Float64Array(slots));
    this.ages = grown(this.ages, new Uint8Array(slots * MAX_AGES));
    this.ageCounts = grown(this.ageCounts, new Uint8Array(slots));
    this.slots = slots;
  }

  /** Bytes of the arrays, and of the id lookup (about 64 bytes an entry). */
  memoryBytes(): number {
    return (
      this.ids.byteLength +
      this.weights.byteLength +
      this.lengths.byteLength +
      this.subjects.byteLength +
      this.subjectMentions.byteLength +
      this.times.byteLength +
      this.eventTimes.byteLength +
      this.ages.byteLength +
      this.ageCounts.byteLength +
      this.slots * 8 +
      this.slotOfId.size * 64
    );
  }
}

function grown<T extends Uint8Array | Uint16Array | Int32Array | Uint32Array | Float32Array | Float64Array>(
  old: T,
  larger: T,
): T {
  larger.set(old as never);
  return larger;
}
