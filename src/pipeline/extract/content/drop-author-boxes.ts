import { leafBlocks } from './leaf-blocks.js';
import { classAndId, type DomElement } from '../input/dom.js';

/** Class and id words that name a box about the author: a photo, a name and a short biography. */
const AUTHOR_BOX = /(^|[\s_-])(author|authors|autor|autorin|autoren|vcard|about-?(the-?)?author|author-?(bio|box|info|description|details|profile|card))([\s_-]|$)/;
/** A box about the author is a small part of the text; a wrapper named after the post's author ("author-jane") holds all of it. */
const MAX_SHARE = 0.3;
/** Where the box must start, as a share of the text: before it, a named author block is the story's byline or a quoted expert. */
const FROM_SHARE = 0.5;

/**
 * Removes boxes about the author in the later part of the article. A byline is short and the
 * cleaning of meta blocks takes it; a biography is prose, scores as text and stays otherwise.
 */
export function dropAuthorBoxes(roots: DomElement[]): void {
  const blocks = leafBlocks(roots);
  let total = 0;
  for (const block of blocks) total += block.text.length;
  let offset = 0;
  const doomed = new Set<DomElement>();
  for (const block of blocks) {
    const box = offset >= total * FROM_SHARE ? authorBoxAround(block.element, roots, total * MAX_SHARE) : null;
    offset += block.text.length;
    if (box) doomed.add(box);
  }
  for (const box of doomed) box.remove();
}

/** The outermost ancestor of a block, below the roots and no longer than `maxLength`, named as a box about the author. */
function authorBoxAround(element: DomElement, roots: DomElement[], maxLength: number): DomElement | null {
  let box: DomElement | null = null;
  for (let node: DomElement | null = element; node && !roots.includes(node); node = node.parentNode) {
    const cues = classAndId(node);
    if (cues && AUTHOR_BOX.test(cues) && (node.textContent ?? '').replace(/\s+/g, ' ').trim().length <= maxLength) box = node;
  }
  return box;
}
