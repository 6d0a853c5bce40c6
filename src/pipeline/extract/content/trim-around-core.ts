import type { ElementMeasure } from './measure-blocks.js';
import type { DomElement } from '../input/dom.js';

/** The share of the chosen element's prose that one descendant must hold to be its core. */
const CORE_SHARE = 0.8;

/** Blocks before the core that stay even without prose: the story's title, deck and lists. */
const KEPT_BEFORE = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'blockquote', 'ul', 'ol']);

/**
 * Trims the chosen element around its core, the deepest descendant holding most of its prose:
 * that is the story's text. The blocks after it, at each level up to the chosen element, are
 * what pages put after a story (author boxes, contact details, related lists, newsletter forms)
 * that scored well enough to be chosen with it; a paragraph stays, as the story's own closing
 * text. Before it, blocks without prose (dates, share bars, labels of other sections) go.
 */
export function trimAroundCore(chosen: DomElement, measures: Map<DomElement, ElementMeasure>): void {
  const core = findCore(chosen, measures);
  const prose = (e: DomElement) => measures.get(e)?.prose ?? 0;
  for (let node = core; node !== chosen && node.parentNode; node = node.parentNode) {
    for (let after = node.nextElementSibling; after; ) {
      const next = after.nextElementSibling;
      if (!(after.localName === 'p' && prose(after) > 0)) after.remove();
      after = next;
    }
    for (let before = node.previousElementSibling; before; ) {
      const previous = before.previousElementSibling;
      if (!KEPT_BEFORE.has(before.localName) && prose(before) === 0) before.remove();
      before = previous;
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
