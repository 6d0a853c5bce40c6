import { decodeHTMLStrict } from 'entities';
import { LAZY_IMAGE_ATTRIBUTES } from '../output/absolute-urls.js';

/**
 * Attributes nothing downstream reads: the parser gives every attribute a node of its own, and
 * on framework-built pages these are a large share of all nodes. Whoever starts reading one of
 * them in the extractor must take it off this list.
 */
const UNREAD = new Set([
  'tabindex', 'target', 'sizes', 'loading', 'decoding', 'crossorigin', 'integrity', 'referrerpolicy', 'fetchpriority', 'nonce',
  'jsaction', 'jsname', 'jscontroller', 'jsmodel', 'jslog', 'jsdata', 'autocomplete', 'placeholder', 'spellcheck', 'draggable',
  'contenteditable', 'xmlns', 'media', 'align', 'valign', 'bgcolor', 'border', 'cellpadding', 'cellspacing',
]);
// Event handlers, framework bindings (Vue, Alpine, Angular) and namespaced XML declarations.
const UNREAD_PREFIX = /^(on[a-z]|v-|x-|ng-|[@:]|xmlns:)/;
const KEPT_DATA = new Set(LAZY_IMAGE_ATTRIBUTES);
// Pruning reads inline styles only to find hidden elements; the same test is kept here.
const HIDDEN_STYLE = /(display\s*:\s*none|visibility\s*:\s*hidden)/i;
// `rel` values of `<link>` elements that only load resources; canonical, author and image links stay.
const RESOURCE_LINK = /^\s*(stylesheet|preload|prefetch|preconnect|dns-prefetch|modulepreload|icon|shortcut icon|apple-touch-icon(-precomposed)?|mask-icon|manifest|alternate|pingback|edituri|wlwmanifest|shortlink|search)\s*$/i;
// The content of these is text up to their end tag, as the parser reads it: nothing inside is touched.
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp']);
// Whitespace inside these is part of the text.
const PREFORMATTED = new Set(['pre', 'listing', 'plaintext']);

// Void elements, and those whose end tag is optional (they close themselves; counting them would overstate depth).
const NO_END_TAG = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr', 'param', 'keygen',
  'p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'option', 'optgroup', 'thead', 'tbody', 'tfoot', 'colgroup', 'rb', 'rt', 'rp',
]);

const TAG_START = /<(\/?)([a-zA-Z][^\t\n\f\r />]*)/g;
// Read as the parser reads them: a name is anything up to a space, `/`, `=` or `>`; a value is quoted or runs to a space.
const ATTRIBUTE = /[\t\n\f\r /]*([^\t\n\f\r />][^\t\n\f\r /=>]*)(?:[\t\n\f\r ]*=[\t\n\f\r ]*("[^"]*"|'[^']*'|[^\t\n\f\r "'>][^\t\n\f\r >]*)?)?/y;
const TAG_END = /[\t\n\f\r /]*>/y;
const BLANK = /^[\t\n\f\r ]+$/;
const CHARACTER_REFERENCE = /&(?:#\d{1,7}|#[xX][\da-fA-F]{1,6}|[A-Za-z][A-Za-z\d]{1,31});/g;

/**
 * Makes the markup cheaper to parse without changing what the extractor reads from it: drops
 * attributes nothing reads, `<input>` elements and resource `<link>`s, and whitespace-only text
 * between tags, and character references in text (see decodeReferences). That whitespace is carried forward as one space onto the next text, so words
 * of neighbouring elements stay apart in every text the extractor reads; inside `<pre>` it stays.
 * Tags it cannot read with certainty are copied unchanged. `nesting.depth` is set to an estimate
 * of the deepest element nesting, read on the way so that a hostile page is refused before the
 * costly parse.
 */
export function compactMarkup(html: string, nesting: { depth: number } = { depth: 0 }): string {
  const parts: string[] = [];
  let depth = 0;
  let position = 0;
  let pendingSpace = false;
  let preDepth = 0;
  let rawText: string | null = null;
  const putDownSpace = () => {
    if (pendingSpace) parts.push(' ');
    pendingSpace = false;
  };
  TAG_START.lastIndex = 0;
  for (let m = TAG_START.exec(html); m; m = TAG_START.exec(html)) {
    const name = m[2]!.toLowerCase();
    const closing = m[1] === '/';
    if (rawText !== null) {
      if (!closing || name !== rawText) continue;
      parts.push(html.slice(position, m.index));
      rawText = null;
    } else if (m.index > position) {
      const text = html.slice(position, m.index);
      if (preDepth > 0 || !BLANK.test(text)) {
        if (preDepth === 0 && !isSpace(text.charCodeAt(0))) putDownSpace();
        parts.push(text.includes('&') ? decodeReferences(text) : text);
        pendingSpace = false;
      } else pendingSpace = true;
    }
    if (RAW_TEXT.has(name) || PREFORMATTED.has(name)) putDownSpace();
    if (PREFORMATTED.has(name)) preDepth = Math.max(0, preDepth + (closing ? -1 : 1));
    if (RAW_TEXT.has(name) && !closing) rawText = name;
    const tag = closing ? readEndTag(html, TAG_START.lastIndex) : readOpenTag(html, TAG_START.lastIndex, name);
    if (!NO_END_TAG.has(name) && !tag?.kept?.endsWith('/>')) {
      if (closing) depth = Math.max(0, depth - 1);
      else if (++depth > nesting.depth) nesting.depth = depth;
    }
    if (!tag) {
      // The rest of this tag is copied as it stands, so carried whitespace is put down before it.
      putDownSpace();
      parts.push(m[0]);
      position = TAG_START.lastIndex;
      continue;
    }
    if (tag.kept !== null) parts.push(m[0] + tag.kept);
    position = TAG_START.lastIndex = tag.end;
  }
  const rest = html.slice(position);
  if (rawText === null && preDepth === 0 && rest !== '' && !isSpace(rest.charCodeAt(0))) putDownSpace();
  parts.push(rest);
  return parts.join('');
}

/** An end tag runs to the next `>`, whatever it holds, as the parser reads it. */
function readEndTag(html: string, from: number): { kept: string; end: number } | null {
  const close = html.indexOf('>', from);
  return close < 0 ? null : { kept: html.slice(from, close + 1), end: close + 1 };
}

/**
 * An open tag's attributes from `from` to its `>`: `kept` is the tag's text after its name with
 * unread attributes left out (null to drop the element), `end` where the tag ends. Null when the
 * tag is not one this reader understands exactly as the parser does.
 */
function readOpenTag(html: string, from: number, name: string): { kept: string | null; end: number } | null {
  let at = from;
  let changed = false;
  let dropElement = name === 'input';
  const kept: string[] = [];
  const seen: string[] = [];
  for (;;) {
    TAG_END.lastIndex = at;
    if (TAG_END.test(html)) {
      const end = TAG_END.lastIndex;
      if (dropElement) return { kept: null, end };
      return { kept: changed ? kept.join('') + html.slice(at, end) : html.slice(from, end), end };
    }
    ATTRIBUTE.lastIndex = at;
    const a = ATTRIBUTE.exec(html);
    // A quote left open runs on through the page: such a tag is left to the parser.
    if (!a || (a[2] === undefined && a[0].trimEnd().endsWith('=') && /["']/.test(html[ATTRIBUTE.lastIndex] ?? ''))) return null;
    const attribute = a[1]!.toLowerCase();
    const value = a[2] ?? '';
    if (name === 'link' && attribute === 'rel' && RESOURCE_LINK.test(unquote(value))) dropElement = true;
    // The parser keeps the first of repeated attributes: a later one must not take its place.
    if (seen.includes(a[1]!) || isUnread(attribute, value)) changed = true;
    // An attribute may follow a quoted value without a space; once its neighbour is gone it needs one.
    else kept.push(isSpace(a[0].charCodeAt(0)) ? a[0] : ` ${a[0]}`);
    seen.push(a[1]!);
    at = ATTRIBUTE.lastIndex;
  }
}

function isUnread(attribute: string, value: string): boolean {
  if (attribute === 'style') return !HIDDEN_STYLE.test(value);
  if (attribute.startsWith('data-')) return !KEPT_DATA.has(attribute);
  if (attribute.startsWith('aria-')) return attribute !== 'aria-hidden';
  return UNREAD.has(attribute) || UNREAD_PREFIX.test(attribute);
}

/**
 * Writes character references in text as the characters they stand for. The parser hands each
 * reference to the DOM as a text node of its own ("It&#8217;s" became three nodes: a fifth of all
 * text nodes on real pages). References to `<` and `&` stay, so that no new markup appears;
 * only references closed by `;` are read, where every reading of HTML agrees.
 */
export function decodeReferences(text: string): string {
  return text.replace(CHARACTER_REFERENCE, (reference) => {
    const character = decodeHTMLStrict(reference);
    return character === '<' || character === '&' || character === '' ? reference : character;
  });
}

function unquote(value: string): string {
  return value.startsWith('"') || value.startsWith("'") ? value.slice(1, -1) : value;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 12 || code === 13;
}
