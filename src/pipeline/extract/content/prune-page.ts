import { ARTICLE_BODY, DROPPED_TAGS, FURNITURE, FURNITURE_ROLES } from './cues.js';
import { measureTree } from './measure-blocks.js';
import { classAndId, type DomElement } from '../input/dom.js';

const HIDDEN_STYLE = /(display\s*:\s*none|visibility\s*:\s*hidden)/i;
const STRONG_BODY = /(^|[\s_-])(article-?body|articlebody|article__body|entry-?content|post-?content|post-?body|story-?body|article-?content|article-?text|main-?content|content-?body)([\s_-]|$)/;

/**
 * Removes what is never article text: scripts and controls, hidden elements, navigation and
 * other page furniture named by role or by class. A furniture cue does not remove a block that
 * holds a large part of the page's prose (whole pages sit in `<div class="has-sidebar">`).
 */
export function prunePage(body: DomElement): void {
  const measures = measureTree(body);
  const pageProse = Math.max(1, measures.get(body)?.prose ?? 1);
  const doomed: DomElement[] = [];
  const stack: DomElement[] = [body];
  while (stack.length) {
    const element = stack.pop()!;
    if (element !== body && isFurniture(element, (measures.get(element)?.prose ?? 0) / pageProse)) {
      doomed.push(element);
      continue;
    }
    const children = element.children;
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  // Cues are guesses: however many blocks they name, they may not take away most of the prose.
  let budget = pageProse * 0.4;
  const prose = (e: DomElement) => measures.get(e)?.prose ?? 0;
  for (const element of doomed.sort((a, b) => prose(a) - prose(b))) {
    const share = prose(element);
    if (share === 0 || DROPPED_TAGS.has(element.localName)) element.remove();
    else if (share <= budget) {
      budget -= share;
      element.remove();
    }
  }
}

function isFurniture(element: DomElement, shareOfProse: number): boolean {
  const tag = element.localName;
  if (DROPPED_TAGS.has(tag)) return true;
  if (element.hasAttribute('hidden') || element.getAttribute('aria-hidden') === 'true') return shareOfProse < 0.3;
  const style = element.getAttribute('style');
  if (style && HIDDEN_STYLE.test(style)) return shareOfProse < 0.3;
  const role = element.getAttribute('role');
  if (role && FURNITURE_ROLES.has(role)) return shareOfProse < 0.3;
  // Comment and search forms; a form that wraps the whole page (ASP.NET) holds the prose and stays.
  if ((tag === 'footer' || tag === 'aside' || tag === 'form') && shareOfProse < 0.3) return true;
  if (tag === 'header' && shareOfProse < 0.1) return true;
  // A BEM modifier ("section--ads", "teaser--related") describes a variant of a block, not its role.
  const cues = classAndId(element).replace(/--[\w-]+/g, '');
  if (!cues || !FURNITURE.test(cues)) return false;
  if (STRONG_BODY.test(cues) || element.getAttribute('itemprop') === 'articleBody') return false;
  return shareOfProse < (ARTICLE_BODY.test(cues) ? 0.15 : 0.3);
}
