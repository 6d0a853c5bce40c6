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
// The content of raw-text elements is text up to their end tag, as the parser reads it: nothing
// inside is touched. Whitespace inside preformatted ones is part of the text.
const SPECIAL = new Map<string, 'raw' | 'preformatted'>([
  ...['script', 'style', 'textarea', 'title', 'xmp'].map((name) => [name, 'raw'] as const),
  ...['pre', 'listing', 'plaintext'].map((name) => [name, 'preformatted'] as const),
]);
/** A tag read and kept exactly as the page wrote it. */
const UNCHANGED = '';
const SLASH = 47;

// Void elements, and those whose end tag is optional (they close themselves; counting them would overstate depth).
const NO_END_TAG = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr', 'param', 'keygen',
  'p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'option', 'optgroup', 'thead', 'tbody', 'tfoot', 'colgroup', 'rb', 'rt', 'rp',
]);

// Read as the parser reads them: a name is anything up to a space, `/`, `=` or `>`; a value is quoted or runs to a space.
const ATTRIBUTE = /[\t\n\f\r /]*([^\t\n\f\r />][^\t\n\f\r /=>]*)(?:[\t\n\f\r ]*=[\t\n\f\r ]*("[^"]*"|'[^']*'|[^\t\n\f\r "'>][^\t\n\f\r >]*)?)?/y;
const TAG_END = /[\t\n\f\r /]*>/y;
const CHARACTER_REFERENCE = /&(?:#\d{1,7}|#[xX][\da-fA-F]{1,6}|[A-Za-z][A-Za-z\d]{1,31});/g;

/**
 * Makes the markup cheaper to parse without changing what the extractor reads from it: drops
 * attributes nothing reads, `<input>` elements and resource `<link>`s, and whitespace-only text
 * between tags; it writes character references in text as characters (see decodeReferences). The
 * whitespace is carried forward as one space onto the next text, so words of neighbouring elements
 * stay apart in every text the extractor reads; inside `<pre>` it stays. Tags it cannot read with
 * certainty are copied unchanged. `nesting.depth` is set to an estimate of the deepest element
 * nesting, read on the way so that a hostile page is refused before the costly parse.
 */
export function compactMarkup(html: string, nesting: { depth: number } = { depth: 0 }): string {
  // Unchanged stretches of the page are copied as whole slices: `copied` is where the next one starts.
  const parts: string[] = [];
  let copied = 0;
  const replace = (from: number, to: number, text: string) => {
    if (from > copied) parts.push(html.slice(copied, from));
    if (text) parts.push(text);
    copied = to;
  };
  let depth = 0;
  let position = 0;
  let pendingSpace = false;
  let preDepth = 0;
  let rawText: string | null = null;
  const putDownSpace = (at: number) => {
    if (pendingSpace) replace(at, at, ' ');
    pendingSpace = false;
  };
  let searchFrom = 0;
  for (let start = html.indexOf('<'); start >= 0; start = html.indexOf('<', searchFrom)) {
    const closing = html.charCodeAt(start + 1) === SLASH;
    const nameStart = closing ? start + 2 : start + 1;
    const nameEnd = tagNameEnd(html, nameStart);
    if (nameEnd === nameStart) {
      searchFrom = start + 1;
      continue;
    }
    searchFrom = nameEnd;
    const name = html.slice(nameStart, nameEnd).toLowerCase();
    if (rawText !== null) {
      if (!closing || name !== rawText) continue;
      rawText = null;
    } else if (start > position) {
      if (preDepth > 0 || !isBlank(html, position, start)) {
        if (preDepth === 0 && !isSpace(html.charCodeAt(position))) putDownSpace(position);
        pendingSpace = false;
        const text = html.slice(position, start);
        if (text.includes('&')) {
          const decoded = decodeReferences(text);
          if (decoded !== text) replace(position, start, decoded);
        }
      } else {
        replace(position, start, '');
        pendingSpace = true;
      }
    }
    const special = SPECIAL.get(name);
    if (special) {
      putDownSpace(start);
      if (special === 'preformatted') preDepth = Math.max(0, preDepth + (closing ? -1 : 1));
      else if (!closing) rawText = name;
    }
    const tag = closing ? readEndTag(html, nameEnd) : readOpenTag(html, nameEnd, name);
    if (!NO_END_TAG.has(name) && !(tag && html.charCodeAt(tag.end - 2) === SLASH)) {
      if (closing) depth = Math.max(0, depth - 1);
      else if (++depth > nesting.depth) nesting.depth = depth;
    }
    if (!tag) {
      // The rest of this tag is copied as it stands, so carried whitespace is put down before it.
      putDownSpace(start);
      position = nameEnd;
      continue;
    }
    if (tag.kept === null) replace(start, tag.end, '');
    else if (tag.kept !== UNCHANGED) replace(start, tag.end, html.slice(start, nameEnd) + tag.kept);
    position = searchFrom = tag.end;
  }
  if (rawText === null && preDepth === 0 && position < html.length && !isSpace(html.charCodeAt(position))) putDownSpace(position);
  replace(html.length, html.length, '');
  return parts.length === 1 ? parts[0]! : parts.join('');
}

/**
 * Where a tag name that starts at `from` ends, read as the parser reads it: a letter, then
 * anything up to a space, `/` or `>`. `from` itself when no letter starts a name there.
 */
function tagNameEnd(html: string, from: number): number {
  const first = html.charCodeAt(from) | 0x20;
  if (first < 97 || first > 122) return from;
  let at = from + 1;
  for (let c = html.charCodeAt(at); at < html.length && !isSpace(c) && c !== SLASH && c !== 62; c = html.charCodeAt(++at));
  return at;
}

/** Whether the text from `from` to `to` is whitespace only. */
function isBlank(html: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isSpace(html.charCodeAt(i))) return false;
  return true;
}

/** An end tag runs to the next `>`, whatever it holds, as the parser reads it. */
function readEndTag(html: string, from: number): { kept: string; end: number } | null {
  const close = html.indexOf('>', from);
  return close < 0 ? null : { kept: UNCHANGED, end: close + 1 };
}

/**
 * An open tag's attributes from `from` to its `>`: `kept` is the tag's text after its name with
 * unread attributes left out (null to drop the element, UNCHANGED to keep it as written), `end`
 * where the tag ends. Null when the
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
      return { kept: changed ? kept.join('') + html.slice(at, end) : UNCHANGED, end };
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
