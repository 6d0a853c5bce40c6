import { ARTICLE_META, BLOCK_TAGS } from './cues.js';
import { dropSidebarsBesideArticle } from './drop-sidebars.js';
import type { ElementMeasure } from './measure-blocks.js';
import { classAndId, pushChildren, type DomElement } from '../input/dom.js';

/** Characters of a paragraph's own text beyond an inline element's, for it to be read as part of a sentence. */
const SENTENCE_AROUND = 20;
const LIST_LIKE = new Set(['ul', 'ol', 'dl', 'div', 'section', 'table', 'nav', 'menu', 'aside', 'header', 'footer', 'span', 'figure']);

/**
 * Removes, inside the chosen article, what is about the article rather than of it: short
 * date, byline and caption blocks named as such, and blocks that are mostly links (related
 * stories, tag lists, share rows). A paragraph that is one link stays: it is a sentence.
 */
export function cleanArticle(roots: DomElement[], measures: Map<DomElement, ElementMeasure>): void {
  const doomed: DomElement[] = [];
  for (const root of roots) {
    const stack: DomElement[] = Array.from(root.children);
    while (stack.length) {
      const element = stack.pop()!;
      if (isAboutTheArticle(element, measures.get(element), element.parentNode ? measures.get(element.parentNode) : undefined)) {
        doomed.push(element);
        continue;
      }
      pushChildren(stack, element);
    }
  }
  for (const element of doomed) element.remove();
  for (const root of roots) dropSidebarsBesideArticle(root, measures);
}

function isAboutTheArticle(element: DomElement, m: ElementMeasure | undefined, parent: ElementMeasure | undefined): boolean {
  if (!m) return false;
  const tag = element.localName;
  // Words inside a sentence (a linked name, a dateline, a date) belong to it, whatever their class.
  if (!BLOCK_TAGS.has(tag) && parent && parent.inlineText > m.text + SENTENCE_AROUND) return false;
  if (tag === 'address' || tag === 'time') return m.text < 120;
  // Short captions and photo credits describe pictures the text does not show; long ones (150 letters and more) tell the story too.
  if (tag === 'figcaption') return m.text < 150;
  if (m.text === 0) return false;
  const linkDensity = m.link / m.text;
  if (LIST_LIKE.has(tag) && linkDensity > 0.5 && m.prose < 200) return true;
  if (tag === 'p' || tag === 'blockquote' || /^h[1-6]$/.test(tag)) return false;
  const cues = classAndId(element);
  return cues !== '' && ARTICLE_META.test(cues) && m.text < 200 && m.prose < 120;
}
