import { ARTICLE_BODY, FURNITURE } from './cues.js';
import { trimAroundCore } from './trim-around-core.js';
import { findDescribedLead, findLead, precedes } from './find-lead.js';
import type { ElementMeasure } from './measure-blocks.js';
import { classAndId, type DomElement } from '../input/dom.js';

const STRONG_BODY = /(^|[\s_-])(article-?body|articlebody|article__body|entry-?content|post-?content|post-?body|story-?body|article-?content|article-?text|content-?body|text-?content|news-?text|rich-?text)([\s_-]|$)/;

/**
 * Picks the element whose text blocks add up to the most prose net of furniture (a
 * maximum-scoring subtree), nudged by the names pages give their article bodies, then adds
 * sibling blocks that continue it, as Readability does when an article is split across siblings.
 * The chosen element is trimmed around its core. The lead (standfirst) before it is added: found
 * in its header, or as the block that repeats the page's description.
 */
export function findMainContent(body: DomElement, measures: Map<DomElement, ElementMeasure>, description: string | null = null): DomElement[] {
  let best = body;
  let bestScore = -Infinity;
  for (const [element, m] of measures) {
    if (m.prose === 0) continue;
    const score = m.score * cueBonus(element);
    if (score >= bestScore) {
      best = element;
      bestScore = score;
    }
  }
  trimAroundCore(best, measures);
  const chosen = withContinuingSiblings(best, measures, bestScore);
  const described = findDescribedLead(chosen[0]!, measures, description);
  const lead = findLead(chosen[0]!, measures);
  // Both, in page order, when neither holds the other (the described standfirst, and a caption-like lead under it).
  if (described && lead && precedes(described, lead)) return [described, lead, ...chosen];
  if (described && lead && precedes(lead, described)) return [lead, described, ...chosen];
  const either = described ?? lead;
  return either ? [either, ...chosen] : chosen;
}

function cueBonus(element: DomElement): number {
  if (element.getAttribute('itemprop') === 'articleBody') return 1.3;
  const cues = classAndId(element);
  if (cues && STRONG_BODY.test(cues)) return 1.2;
  if (element.localName === 'article' || element.localName === 'main') return 1.1;
  if (cues && ARTICLE_BODY.test(cues)) return 1.05;
  return 1;
}

function withContinuingSiblings(best: DomElement, measures: Map<DomElement, ElementMeasure>, bestScore: number): DomElement[] {
  const parent = best.parentNode;
  if (!parent || best.localName === 'body') return [best];
  const chosen: DomElement[] = [];
  for (const sibling of Array.from(parent.children)) {
    if (sibling === best) {
      chosen.push(sibling);
      continue;
    }
    const m = measures.get(sibling);
    if (!m || m.prose === 0) continue;
    const cues = classAndId(sibling);
    if (cues && FURNITURE.test(cues)) continue;
    const linkDensity = m.link / Math.max(1, m.text);
    const continues =
      (m.score >= bestScore * 0.25 && linkDensity < 0.25) ||
      // A paragraph beside the body, or the article's header with its lead paragraph.
      ((sibling.localName === 'p' || sibling.localName === 'header') && m.prose >= 80 && linkDensity < 0.2);
    if (continues) chosen.push(sibling);
  }
  return chosen;
}
