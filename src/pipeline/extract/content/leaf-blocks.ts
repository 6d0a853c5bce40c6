import { BLOCK_TAGS } from './cues.js';
import type { DomElement } from '../input/dom.js';

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
    const children = Array.from(element.children);
    if (!children.some((c) => BLOCK_TAGS.has(c.localName) || hasBlock(c))) {
      const text = (element.textContent ?? '').replace(/\s+/g, ' ').trim();
      if (text) out.push({ element, text });
      continue;
    }
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return out;
}

function hasBlock(element: DomElement): boolean {
  const children = element.children;
  for (let i = 0; i < children.length; i++) if (BLOCK_TAGS.has(children[i]!.localName)) return true;
  return false;
}

