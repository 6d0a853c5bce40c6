import { BLOCK_TAGS } from './cues.js';
import { pushChildren, type DomElement } from '../input/dom.js';

export interface LeafBlock {
  element: DomElement;
  /** The block's text, whitespace collapsed. */
  text: string;
}

/** The innermost block elements under the roots that hold text, in document order. */
export function leafBlocks(roots: DomElement[]): LeafBlock[] {
  const out: LeafBlock[] = [];
  const stack: DomElement[] = [...roots].reverse();
  while (stack.length) {
    const element = stack.pop()!;
    if (!holdsBlocks(element)) {
      const text = (element.textContent ?? '').replace(/\s+/g, ' ').trim();
      if (text) out.push({ element, text });
      continue;
    }
    pushChildren(stack, element);
  }
  return out;
}

/** Whether a child, or a grandchild, is a block. */
function holdsBlocks(element: DomElement): boolean {
  for (let child = element.firstElementChild; child; child = child.nextElementSibling) {
    if (BLOCK_TAGS.has(child.localName)) return true;
    for (let grandchild = child.firstElementChild; grandchild; grandchild = grandchild.nextElementSibling) {
      if (BLOCK_TAGS.has(grandchild.localName)) return true;
    }
  }
  return false;
}

