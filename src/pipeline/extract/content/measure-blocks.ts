import { BLOCK_TAGS } from './cues.js';
import { ELEMENT_NODE, TEXT_NODE, pushChildren, type DomElement } from '../input/dom.js';

/** What the extractor knows of one element after one walk of the tree. */
export interface ElementMeasure {
  /** Characters of text inside, whitespace not counted. */
  text: number;
  /** Characters of that text inside links. */
  link: number;
  /** Sum over the text blocks inside: positive for paragraphs of prose, negative for links and fragments. */
  score: number;
  /** Characters in blocks that read as prose. */
  prose: number;
  /** Characters directly in this element and its inline descendants (not in nested blocks). */
  inlineText: number;
  inlineLink: number;
}

/** Elements in document order with their measures: one pass, no recursion, so deep pages cannot overflow the stack. */
export function measureTree(root: DomElement): Map<DomElement, ElementMeasure> {
  const order: DomElement[] = [];
  const stack: DomElement[] = [root];
  while (stack.length) {
    const element = stack.pop()!;
    order.push(element);
    pushChildren(stack, element);
  }
  const measures = new Map<DomElement, ElementMeasure>();
  for (let i = order.length - 1; i >= 0; i--) {
    const element = order[i]!;
    const isLink = element.localName === 'a';
    const m: ElementMeasure = { text: 0, link: 0, score: 0, prose: 0, inlineText: 0, inlineLink: 0 };
    for (let node = element.firstChild; node; node = node.nextSibling) {
      if (node.nodeType === TEXT_NODE) {
        const length = visibleLength(node.textContent ?? '');
        m.text += length;
        m.inlineText += length;
      } else if (node.nodeType === ELEMENT_NODE) {
        const child = measures.get(node as DomElement);
        if (!child) continue;
        m.text += child.text;
        m.link += child.link;
        m.score += child.score;
        m.prose += child.prose;
        if (!BLOCK_TAGS.has((node as DomElement).localName)) {
          m.inlineText += child.inlineText;
          m.inlineLink += child.inlineLink;
        }
      }
    }
    if (isLink) {
      m.link = m.text;
      m.inlineLink = m.inlineText;
    }
    if (BLOCK_TAGS.has(element.localName) || element === root) {
      const value = blockValue(m.inlineText, m.inlineLink, element.localName);
      m.score += value;
      if (value > 0) m.prose += m.inlineText;
    }
    measures.set(element, m);
  }
  return measures;
}

/**
 * The worth of one text block as article text. Long, unlinked blocks are prose; blocks that
 * are mostly links are navigation; short fragments (labels, dates, menu words) cost a little,
 * so a container gains by holding prose and loses by holding furniture around it.
 */
export function blockValue(length: number, linkLength: number, tag: string): number {
  if (length === 0) return 0;
  const linkDensity = linkLength / length;
  if (linkDensity > 0.5) return -length;
  if (length >= 80) return length * (1 - linkDensity);
  if (tag === 'li' || tag === 'dd' || tag === 'td') return linkDensity < 0.1 ? length * 0.5 : 0;
  if (tag === 'p' || tag === 'blockquote' || tag === 'pre') return length >= 25 ? length * 0.5 * (1 - linkDensity) : 0;
  if (/^h[1-6]$/.test(tag)) return 0;
  return length >= 40 ? length * 0.2 : -length * 0.5;
}

/** Text length without whitespace, counted without building a new string. */
export function visibleLength(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 32 && c !== 160) count++;
  }
  return count;
}
