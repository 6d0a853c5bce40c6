import { namesArticleBody } from './cues.js';
import type { ElementMeasure } from './measure-blocks.js';
import { classAndId, pushChildren, type DomElement } from '../input/dom.js';

/** Names that say a column runs beside the content rather than being it. */
const SIDEBAR = /(^|[\s_-])(sidebar|sidebar-?\w+|widget-?area|aside)([\s_-]|$)/;
/** Elements that are or hold the page's own article. */
const ARTICLE_SELECTOR = 'article, main, [itemprop="articleBody"]';
/** The article beside it must be at least this share of the sidebar's prose to count as the page's article, not a teaser. */
const ARTICLE_TO_SIDEBAR = 0.5;

/**
 * Removes sidebars that stand beside the page's article. Pruning spares a furniture block that
 * holds much of a page's prose (whole pages sit in `<div class="has-sidebar">`), but a short
 * article next to a long sidebar of widget texts then loses to the sidebar. A column named as a
 * sidebar whose sibling is, or holds, the article is furniture whatever its length.
 */
export function dropSidebarsBesideArticle(body: DomElement, measures: Map<DomElement, ElementMeasure>): void {
  const prose = (e: DomElement) => measures.get(e)?.prose ?? 0;
  const doomed: DomElement[] = [];
  const stack: DomElement[] = [];
  pushChildren(stack, body);
  while (stack.length) {
    const element = stack.pop()!;
    if (prose(element) > 0 && isSidebar(element) && !element.querySelector(ARTICLE_SELECTOR)) {
      if (hasArticleSibling(element, prose(element) * ARTICLE_TO_SIDEBAR, prose)) doomed.push(element);
      continue;
    }
    pushChildren(stack, element);
  }
  for (const element of doomed) element.remove();
}

function isSidebar(element: DomElement): boolean {
  if (element.localName === 'aside' || element.getAttribute('role') === 'complementary') return true;
  const cues = classAndId(element);
  return cues !== '' && SIDEBAR.test(cues);
}

function hasArticleSibling(element: DomElement, minProse: number, prose: (e: DomElement) => number): boolean {
  for (let sibling = element.parentNode?.firstElementChild ?? null; sibling; sibling = sibling.nextElementSibling) {
    if (sibling === element || prose(sibling) < minProse || isSidebar(sibling)) continue;
    if (namesArticle(sibling) || sibling.querySelector(ARTICLE_SELECTOR)) return true;
  }
  return false;
}

function namesArticle(element: DomElement): boolean {
  return element.localName === 'article' || element.localName === 'main' || namesArticleBody(classAndId(element));
}
