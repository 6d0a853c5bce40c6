import { ARTICLE_META, FURNITURE } from './cues.js';
import type { ElementMeasure } from './measure-blocks.js';
import { furnitureCues } from './prune-page.js';
import { classAndId, pushChildren, type DomElement } from '../input/dom.js';

/** Wrappers climbed above the body to look for its lead: pages put the standfirst in the article's header, one or two levels up. */
const LEVELS = 3;
/** Non-empty blocks looked at before each level's start: the lead sits right before the body, not further up the page. */
const BLOCKS_BEFORE = 2;
const MIN_LEAD = 50;
const MAX_LEAD = 1500;
const NEVER_LEAD = new Set(['h1', 'figure', 'figcaption', 'nav', 'aside', 'footer', 'form', 'ul', 'ol', 'table', 'address', 'time']);
/** The lead is not looked for above the page's own article element, nor among the page's top-level blocks. */
const ARTICLE_BOUNDS = new Set(['article', 'main']);
const PAGE = new Set(['body', 'html']);
/** Captions name themselves "legend" too; they end with the picture's credit. */
const LEGEND = /(^|[\s_-])legend([\s_-]|$)/;
const CREDIT_AT_END = /(^|\s)(fotos?|photos?|bild|image|credit|crédit|quelle|source|fuente)\s*:\s*[^.!?]{1,60}$/iu;
/** A picture with its caption between the lead and the body is passed over; a longer block is text of its own. */
const PICTURE_TEXT = 200;

/**
 * The article's lead (standfirst, teaser, deck) when it stands just before the chosen body, outside
 * it: a short block of unlinked text in the article's header or in a sibling of the body. Scoring
 * misses it because it is shorter than the body and sits in another branch.
 */
export function findLead(first: DomElement, measures: Map<DomElement, ElementMeasure>): DomElement | null {
  let node = first;
  // A wrapper with nothing before it is not a level: builders nest the body a dozen divs deep.
  for (let level = 0; level < LEVELS && node.parentNode && !PAGE.has(node.parentNode.localName); ) {
    let seen = 0;
    let anyBefore = false;
    for (let sibling = node.previousElementSibling; sibling && seen < BLOCKS_BEFORE; sibling = sibling.previousElementSibling) {
      const m = measures.get(sibling);
      if (!m || m.text === 0) continue;
      anyBefore = true;
      // Another column of a layout table is not the body's header.
      if (sibling.localName === 'td' || sibling.localName === 'th') return null;
      const lead = isFurniture(sibling) ? null : lastLeadBlock(sibling, measures);
      if (lead) return lead;
      if (m.text < PICTURE_TEXT && sibling.querySelector('img, picture')) continue;
      // Another block of prose lies between: whatever is further up is not this body's lead.
      if (m.prose > 0 && !isFurniture(sibling)) return null;
      seen++;
    }
    if (ARTICLE_BOUNDS.has(node.localName)) break;
    if (anyBefore) level++;
    node = node.parentNode;
  }
  return null;
}

/**
 * The standfirst the page also states as its description, shown above the body but where climbing
 * its header does not reach (a hero block, another column): the smallest block before the body
 * whose text is the description, give or take a truncation.
 */
export function findDescribedLead(first: DomElement, measures: Map<DomElement, ElementMeasure>, description: string | null): DomElement | null {
  const wanted = (description ?? '').replace(/\s+/g, '').toLowerCase().replace(/(\.\.\.|…)$/, '');
  if (wanted.length < MIN_DESCRIBED_LEAD) return null;
  const opening = wanted.slice(0, MIN_DESCRIBED_LEAD);
  let found: DomElement | null = null;
  let foundLength = Infinity;
  for (const [element, m] of measures) {
    // Descriptions are often the standfirst cut short, rarely longer than it.
    if (m.text < wanted.length * 0.8 || m.text > Math.max(wanted.length * 1.25 + 20, MAX_DESCRIBED_LEAD) || m.text >= foundLength) continue;
    if (NEVER_LEAD.has(element.localName) || m.link > m.text * 0.1) continue;
    if (!(element.textContent ?? '').replace(/\s+/g, '').toLowerCase().startsWith(opening)) continue;
    if (!precedes(element, first)) continue;
    found = element;
    foundLength = m.text;
  }
  return found;
}

/** Characters of a description that must open the block (whitespace aside): a short one names too many blocks. */
const MIN_DESCRIBED_LEAD = 60;
const MAX_DESCRIBED_LEAD = 800;

/** Whether `a` comes before `b` in document order without containing it. */
export function precedes(a: DomElement, b: DomElement): boolean {
  const chainOf = (node: DomElement) => {
    const chain: DomElement[] = [];
    for (let n: DomElement | null = node; n; n = n.parentNode) chain.push(n);
    return chain.reverse();
  };
  const ca = chainOf(a);
  const cb = chainOf(b);
  let i = 0;
  while (i < ca.length && i < cb.length && ca[i] === cb[i]) i++;
  if (i === ca.length || i === cb.length || i === 0) return false; // one holds the other, or different trees
  for (let n = ca[i]!.nextElementSibling; n; n = n.nextElementSibling) if (n === cb[i]) return true;
  return false;
}

/** The last block inside `root` (or `root` itself) that reads as a lead, in document order. */
function lastLeadBlock(root: DomElement, measures: Map<DomElement, ElementMeasure>): DomElement | null {
  let found: DomElement | null = null;
  const stack: DomElement[] = [root];
  while (stack.length) {
    const element = stack.pop()!;
    if (NEVER_LEAD.has(element.localName) || (element !== root && isFurniture(element))) continue;
    const m = measures.get(element);
    if (!m || m.text === 0) continue;
    if (isLead(element, m)) found = element;
    else pushChildren(stack, element);
  }
  return found;
}

function isLead(element: DomElement, m: ElementMeasure): boolean {
  if (m.inlineText < MIN_LEAD || m.text > MAX_LEAD || m.inlineText < m.text * 0.9) return false;
  if (m.link > m.text * 0.1) return false;
  const cues = classAndId(element);
  if (cues && (ARTICLE_META.test(cues) || LEGEND.test(cues))) return false;
  return !CREDIT_AT_END.test((element.textContent ?? '').trim());
}

function isFurniture(element: DomElement): boolean {
  const cues = furnitureCues(element);
  return cues !== '' && FURNITURE.test(cues);
}
