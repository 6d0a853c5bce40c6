import { DROPPED_TAGS, FURNITURE, FURNITURE_ROLES, namesArticleBody } from './cues.js';
import { measureTree, type ElementMeasure } from './measure-blocks.js';
import { classAndId, pushChildren, type DomElement } from '../input/dom.js';

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
  const prose = (e: DomElement) => measures.get(e)?.prose ?? 0;
  // Cues are guesses: however many blocks they name, they may not take away most of the prose.
  let budget = pageProse * 0.4;
  let starts: DomElement[] = [body];
  while (starts.length) {
    const doomed = findFurniture(starts, body, measures, (e) => prose(e) / pageProse);
    starts = [];
    for (const element of doomed.sort((a, b) => prose(a) - prose(b))) {
      const share = prose(element);
      if (share === 0 || DROPPED_TAGS.has(element.localName) || isConsentNotice(element, measures.get(element))) element.remove();
      else if (share <= budget) {
        budget -= share;
        element.remove();
      } else starts.push(...Array.from(element.children)); // Spared as a whole, it may still hold furniture of its own.
    }
  }
}

function findFurniture(starts: DomElement[], body: DomElement, measures: Map<DomElement, ElementMeasure>, shareOfProse: (e: DomElement) => number): DomElement[] {
  const doomed: DomElement[] = [];
  const stack: DomElement[] = [...starts];
  while (stack.length) {
    const element = stack.pop()!;
    if (element !== body && isFurniture(element, shareOfProse(element), measures.get(element))) {
      doomed.push(element);
      continue;
    }
    pushChildren(stack, element);
  }
  return doomed;
}

function isFurniture(element: DomElement, shareOfProse: number, measure: ElementMeasure | undefined): boolean {
  const tag = element.localName;
  if (DROPPED_TAGS.has(tag)) return true;
  if (isHidden(element)) return shareOfProse < 0.3 || isConsentNotice(element, measure);
  const role = element.getAttribute('role');
  if (role && FURNITURE_ROLES.has(role)) return shareOfProse < 0.3 || isConsentNotice(element, measure);
  // Comment and search forms; a form that wraps the whole page (ASP.NET) holds the prose and stays.
  if ((tag === 'footer' || tag === 'aside' || tag === 'form') && shareOfProse < 0.3) return true;
  // A site's header is furniture; an article's header holding its lead paragraph is not.
  if (tag === 'header' && shareOfProse < 0.1) return !isLead(measure);
  // The page names its main element itself; a cue word in its class ("skip-main") does not make it furniture.
  if (tag === 'main' || tag === 'article') return false;
  const cues = furnitureCues(element);
  // A teaser with a link points to another article; the article's own teaser (its lead) links nowhere.
  if (cues && TEASER.test(cues) && measure && measure.link > measure.text * 0.1) return shareOfProse < 0.3;
  if (!cues || !FURNITURE.test(cues)) return false;
  if (STRONG_BODY.test(cues) || element.getAttribute('itemprop') === 'articleBody') return false;
  if (isConsentNotice(element, measure)) return true;
  return shareOfProse < (namesArticleBody(cues) ? 0.15 : 0.3);
}

/**
 * A cookie or consent notice, named so (or a dialog) and saying so. It goes whatever its share of
 * the prose: on a page whose post is one short paragraph it holds most of it, and would be taken for
 * the article. Consent dialogs that list every cookie they set run long, and are named after their vendor.
 */
function isConsentNotice(element: DomElement, measure: ElementMeasure | undefined): boolean {
  if (!measure) return false;
  const role = element.getAttribute('role');
  if (role === 'dialog' || role === 'alertdialog' || (measure.text < 600 && CONSENT_CUE.test(furnitureCues(element)))) {
    return CONSENT_TEXT.test(element.textContent ?? '');
  }
  // Hidden until the page asks, and listing the cookies it sets.
  if (!isHidden(element)) return false;
  const text = element.textContent ?? '';
  return CONSENT_TEXT.test(text) && (text.match(/cookie/gi)?.length ?? 0) >= 3;
}

function isHidden(element: DomElement): boolean {
  if (element.hasAttribute('hidden') || element.getAttribute('aria-hidden') === 'true') return true;
  const style = element.getAttribute('style');
  return !!style && HIDDEN_STYLE.test(style);
}

const CONSENT_CUE = /(^|[\s_-])(cookie\w*|consent|gdpr)([\s_-]|$)/;
// What such a notice says, not what a story about cookies (or a recipe for them) says.
const CONSENT_TEXT =
  /\b(uses?|we use|verwendet|verwenden|nutzt|nutzen|setzen|utilise|utilisons|utiliza|utilizamos|usa|usiamo) (?:\w+ )?cookies\b|\bcookies? (policy|settings|richtlinie|einstellungen)\b|\b(accept|akzeptieren|zustimmen|einverstanden)\b.{0,80}\bcookies?\b/i;

const TEASER = /(^|[\s_-])teasers?([\s_-]|$)/;

/** WordPress names a post's wrapper after its terms ("tag-elections", "category-sport"): those words describe the post. */
const POST_WRAPPER = /(^|\s)(post-\d+|type-[\w-]+|hentry|status-publish)(\s|$)/;

/**
 * "hidden" that hides only a field's label (Drupal's "field-label-hidden"), hides a block on some
 * screen sizes ("hidden-xs", "l-hidden-s", Tailwind's "md:hidden") or clips what overflows it
 * (Tailwind's "overflow-hidden") says nothing about the block being furniture.
 */
const RESPONSIVE_OR_LABEL_HIDDEN =
  /(^|\s)([\w-]*label-hidden|[\w-]*hidden-(xs|sm|md|lg|xl|s|m|l|mobile|phone|tablet|desktop)|(xs|sm|md|lg|xl)-hidden|overflow(-[xy])?-hidden|[\w-]+:hidden)(?=\s|$)/g;

/** Page builders (Elementor) call every block of a page a widget, the story's text included. */
const PAGE_BUILDER = /(^|\s)elementor-[\w-]+/g;

/** Class and id words that may name furniture: BEM modifiers ("section--ads") describe a variant, not a role. */
export function furnitureCues(element: DomElement): string {
  const named = headingAnchor(element) ? (element.getAttributeNode('class')?.value ?? '').toLowerCase() : classAndId(element);
  const cues = named.replace(/--[\w-]+/g, '').replace(RESPONSIVE_OR_LABEL_HIDDEN, ' ').replace(PAGE_BUILDER, ' ');
  return POST_WRAPPER.test(cues) ? cues.replace(/(^|\s)(tag|category|format)-[^\s]+/g, ' ') : cues;
}

/** A heading whose id is an anchor made from its words ("nav_the_second_part"), not a role ("comments-title"). */
function headingAnchor(element: DomElement): boolean {
  if (!/^h[1-6]$/.test(element.localName)) return false;
  return (element.getAttributeNode('id')?.value ?? '').split(/[-_]+/).length > 2;
}

/**
 * Text with few links: an article's title with its lead (standfirst), which may be a heading and
 * so not count as prose, rather than a logo, a menu and a search box.
 */
function isLead(m: ElementMeasure | undefined): boolean {
  return !!m && m.text >= 80 && m.link < m.text * 0.25;
}
