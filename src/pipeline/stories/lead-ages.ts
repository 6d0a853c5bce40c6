/**
 * The age a lead gives for the person its event happened to: "died at 95", "He was 75.", "Mark Felt was 95.",
 * "aged 33", "at the age of 91". Two deaths, arrests or appointments of different people share
 * their wording and often their places and institutions; the stated age differs, and an age is
 * never news that a later report of the same event would change (unlike a death toll).
 *
 * Only phrasings that tie the age to the lead's subject are read: "a 60-year-old woman" or
 * "Lopez, 20," in a lead often give the age of an accused or a bystander, and stories of one
 * event then carry several ages (measured: reading them split more events than it kept apart).
 */

/** Characters of the body read after the title: the lead says who the event happened to. */
export const LEAD_AGE_CHARS = 400;

const AGE_PATTERNS = [
  /\baged? (\d{1,3})\b/gi,
  /\bat the age of (\d{1,3})\b/gi,
  // "dies at 91", "died Thursday at 95", but not "died at 2:30 a.m." or "at 10 %".
  /\b(?:dies|died|dead|passes away|passed away)\b[^.\n]{0,30}?\bat (\d{2,3})\b(?![.,:]?\s?\d|\s*(?:a\.?m|p\.?m|%))/gi,
  /\b(?:he|she) was (\d{2,3})\s*\./gi,
  /\p{Lu}[\p{L}'’-]+ \p{Lu}[\p{L}'’-]+ was (\d{2,3})\s*\./gu,
];
const OLDEST = 120;

/** Ages stated in the title and lead of an English article (none for other languages). */
export function leadAges(title: string, text: string): number[] {
  const lead = `${title}\n${text.slice(0, LEAD_AGE_CHARS)}`;
  const ages = new Set<number>();
  for (const pattern of AGE_PATTERNS)
    for (const match of lead.matchAll(pattern)) {
      const age = Number(match[1]);
      if (age >= 1 && age <= OLDEST) ages.add(age);
    }
  return [...ages];
}

/** Most ages remembered per story: a story's leads state a handful. */
const MAX_AGES = 8;
/** Reports of one event a few months apart differ by a birthday. */
const AGE_TOLERANCE = 1;

/** The ages stated in the leads of each active story's articles. */
export class StoryAges {
  private readonly bySlot = new Map<number, number[]>();

  record(slot: number, ages: readonly number[]): void {
    if (ages.length === 0) return;
    const known = this.bySlot.get(slot) ?? [];
    for (const age of ages) if (!known.includes(age) && known.length < MAX_AGES) known.push(age);
    this.bySlot.set(slot, known);
  }

  forget(slot: number): void {
    this.bySlot.delete(slot);
  }

  /** True when the article's lead and the story's leads both state ages and none of them agree. */
  conflicts(slot: number, ages: readonly number[]): boolean {
    const known = this.bySlot.get(slot);
    if (!known || ages.length === 0) return false;
    return !ages.some((age) => known.some((other) => Math.abs(age - other) <= AGE_TOLERANCE));
  }

  memoryBytes(): number {
    let bytes = 0;
    for (const ages of this.bySlot.values()) bytes += 64 + ages.length * 8;
    return bytes;
  }
}
