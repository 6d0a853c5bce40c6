import { classAndId, ELEMENT_NODE, TEXT_NODE, type DomElement, type DomNode } from '../input/dom.js';

/**
 * Parts of a page whose dates belong to something else than the article: readers' comments,
 * lists of other articles, navigation, embedded posts from social networks.
 */
const ASIDE_TAGS = new Set(['nav', 'script', 'style', 'noscript', 'template', 'select']);
/** Names of such regions, as patterns. */
const REGION_NAMES =
  'comments?|commentlist|kommentare|respond|replies|discussion|disqus|sidebar|related|recommend\\w*|popular|most-?read|trending|teaserlist|more-?articles|read-?more|weitere|newsticker|ticker|instagram-media|twitter-tweet|tiktok-embed|nav|navigation|menu|mainmenu|navbar|blog-?archive|calendar|cookies?|consent';
/** One class or id naming such a region: at most one word before the name, only container words after it. */
const ASIDE_TOKEN = new RegExp(
  `^(?:[a-z]+[-_])?(?:${REGION_NAMES})(?:[-_]?(?:area|list|section|container|wrapper|wrap|box|block|items?|posts?|links?|articles?|news|widget|content|left|right|top|bottom|\\d+))*$`,
);
/** Whether a name holds a region name anywhere: most elements' names hold none, and need not be split into tokens. */
const ASIDE_WORD = new RegExp(REGION_NAMES);
/** Layout words that say a page *has* such a region somewhere, not that this element is one ("has-sidebar"). */
const LAYOUT_PREFIX = /^(?:has|with|no|without|is|show|hide|sticky|enable|contains?)[-_]/;

/**
 * A test, for one document, of whether an element lies in such a region. A region that holds the
 * page's `<h1>` is the article's own wrapper however it is named; answers are cached per element.
 */
export function asideTest(): (element: DomElement) => boolean {
  const holdsHeadline = new Map<DomElement, boolean>();
  const isAside = (el: DomElement, inArticle: boolean): boolean => {
    if (ASIDE_TAGS.has(el.localName)) return true;
    // An <aside> inside the article holds its date and author; elsewhere it is the page's sidebar.
    const named = (el.localName === 'aside' && !inArticle) || namesAside(el);
    if (!named) return false;
    let headline = holdsHeadline.get(el);
    if (headline === undefined) holdsHeadline.set(el, (headline = el.querySelector('h1') !== null));
    return !headline;
  };
  return (element) => {
    const chain: DomElement[] = [];
    for (let el: DomElement | null = element; el && el.nodeType === ELEMENT_NODE && el.localName !== 'body' && el.localName !== 'html'; el = el.parentNode) chain.push(el);
    let inArticle = false;
    for (let i = chain.length - 1; i >= 0; i--) {
      if (isAside(chain[i]!, inArticle)) return true;
      inArticle ||= chain[i]!.localName === 'article';
    }
    return false;
  };
}

function namesAside(element: DomElement): boolean {
  const names = classAndId(element);
  return names !== '' && ASIDE_WORD.test(names) && names.split(/\s+/).some((token) => ASIDE_TOKEN.test(token) && !LAYOUT_PREFIX.test(token));
}

/**
 * The page's text without the regions above, in document order, cut at `limit` characters:
 * what a reader sees as the article and its header.
 */
export function textOutsideAsides(root: DomElement, limit: number): string {
  const isAside = asideTest();
  const parts: string[] = [];
  let length = 0;
  // Walked by sibling and parent links: linkedom builds a new list for every read of `childNodes`.
  let node: DomNode | null = root.firstChild;
  while (node && length < limit) {
    let descend = false;
    if (node.nodeType === TEXT_NODE) {
      const text = node.textContent ?? '';
      parts.push(text);
      length += text.length;
    } else if (node.nodeType === ELEMENT_NODE) {
      const el = node as DomElement;
      descend = !((ASIDE_TAGS.has(el.localName) || el.localName === 'aside' || namesAside(el)) && isAside(el));
      // Block boundaries become spaces so that "12.03.2019" never runs into a neighbour's digits.
      if (descend) parts.push(' ');
    }
    if (descend && node.firstChild) {
      node = node.firstChild;
      continue;
    }
    while (node && node !== root && !node.nextSibling) node = node.parentNode;
    node = node && node !== root ? node.nextSibling : null;
  }
  return parts.join('').slice(0, limit);
}
