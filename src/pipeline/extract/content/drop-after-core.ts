import type { ElementMeasure } from './measure-blocks.js';
import type { DomElement } from '../input/dom.js';

/** The share of the chosen element's prose that one descendant must hold to be its core. */
const CORE_SHARE = 0.8;

/**
 * Removes what follows the core of the chosen element: the deepest descendant holding most of
 * its prose is the story's text, and the blocks after it at each level up to the chosen element
 * are what pages put after a story (author boxes, contact details, related lists, newsletter
 * forms) that scored well enough to be chosen with it. A paragraph after the core stays: it
 * is the story's own closing text.
 */
export function dropAfterCore(chosen: DomElement, measures: Map<DomElement, ElementMeasure>): void {
  const core = findCore(chosen, measures);
  for (let node = core; node !== chosen && node.parentNode; node = node.parentNode) {
    let after = node.nextElementSibling;
    while (after) {
      const next = after.nextElementSibling;
      if (!(after.localName === 'p' && (measures.get(after)?.prose ?? 0) > 0)) after.remove();
      after = next;
    }
  }
}

function findCore(chosen: DomElement, measures: Map<DomElement, ElementMeasure>): DomElement {
  let core = chosen;
  for (;;) {
    const prose = measures.get(core)?.prose ?? 0;
    if (prose === 0) return core;
    let inner: DomElement | null = null;
    for (let child = core.firstElementChild; child && !inner; child = child.nextElementSibling) {
      if ((measures.get(child)?.prose ?? 0) >= prose * CORE_SHARE) inner = child;
    }
    if (!inner) return core;
    core = inner;
  }
}
