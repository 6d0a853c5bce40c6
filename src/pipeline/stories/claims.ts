/** Who says what about whom: "Amnesty International has accused Azerbaijan of using cluster bombs". */
export interface AttributedClaim {
  /** The speaker, as named. */
  who: string;
  /** The reporting verb as written ("accused", "said", "warned"). */
  verb: string;
  /** Whom the claim is about, when the verb names an object ("accused Azerbaijan of …"). */
  about?: string;
  /** What is claimed, to the end of the sentence. */
  what: string;
}

const NAME = String.raw`(?:The\s+)?(?:[A-Z][\w'’.-]*|of|for|and|the)(?:\s+(?:[A-Z][\w'’.-]*|of|for|and|the))*`;
const AUX = String.raw`(?:\s+(?:has|have|had|also|on\s+\w+day))*`;
const WITH_OBJECT = new RegExp(
  String.raw`(${NAME})${AUX}\s+(accused|blamed|urged|warned|criticised|criticized|praised|condemned)\s+(${NAME})\s+(?:of|for|to|that|against|over)\s+([^.!?\n]+)`,
  'g',
);
const SAYS = new RegExp(
  String.raw`(${NAME})${AUX}\s+(said|says|reported|reports|claimed|claims|announced|announces|denied|denies|confirmed|confirms|warned|warns|stated|added)\s+(?:that\s+)?([^.!?\n]+)`,
  'g',
);
const MAX_TEXT = 100_000;

/**
 * Attributed claims in English text, found by the shape reporters write them in: a named
 * speaker, a reporting verb, and what was said. Speakers must be capitalised names, so a
 * sentence opener ("It said") is not taken for a speaker.
 */
export function findClaims(text: string): AttributedClaim[] {
  const body = text.slice(0, MAX_TEXT);
  const out: AttributedClaim[] = [];
  const taken = new Set<number>();
  for (const match of body.matchAll(WITH_OBJECT)) {
    const who = trimName(match[1]!);
    if (!isSpeaker(who)) continue;
    out.push({ who, verb: match[2]!, about: trimName(match[3]!), what: match[4]!.trim() });
    taken.add(match.index);
  }
  for (const match of body.matchAll(SAYS)) {
    const who = trimName(match[1]!);
    if (taken.has(match.index) || !isSpeaker(who)) continue;
    out.push({ who, verb: match[2]!, what: match[3]!.trim() });
  }
  return out;
}

function trimName(name: string): string {
  return name
    .replace(/^(?:(?:of|for|and|the)\s+)+/i, '')
    .replace(/(?:\s+(?:of|for|and|the))+$/i, '')
    .trim();
}

const NOT_SPEAKERS = new Set(['It', 'He', 'She', 'They', 'We', 'I', 'This', 'That', 'The', 'A', 'An']);

function isSpeaker(who: string): boolean {
  return who.length > 1 && /^[A-Z]/.test(who) && !NOT_SPEAKERS.has(who);
}
