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
