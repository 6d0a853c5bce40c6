/** The page without scripts, styles, comments and other textless elements, and the JSON-LD blocks its scripts held. */
export interface StrippedHtml {
  html: string;
  jsonLd: string[];
}

const OPENERS = /<(script|style|!--|svg|math|noscript|template|button|nav)/gi;
// Navigation is never article text, but pages put the headline (breadcrumbs ending in the <h1>),
// the byline and the date in a <nav>: those stay for the metadata readers.
const PAGE_FACTS = /<h1|itemprop|author|byline|<time|date/i;
const JSON_LD_TYPE = /type\s*=\s*["']?application\/ld\+json/i;
// Some blogs ship the article inside <script type="text/template"> and render it client-side.
const HTML_TEMPLATE_TYPE = /type\s*=\s*["']?text\/(template|html|x-template)/i;
// Content blockers keep the embed they hold back as base64 in such a template: not markup, not text.
const HOLDS_MARKUP = /<[a-z!/]/i;
// A template with logic in it (`<% if (items) { %>`, `{{#each}}`, `{{> partial}}`) is a widget's, filled in by the page's code.
const TEMPLATE_LOGIC = /<%|\{\{[#/^>]/;

/**
 * Drops scripts, styles and comments in one linear pass: they carry no article text, and on
 * heavy pages they are most of the bytes. As in browsers, an unclosed script, style or comment
 * runs to the end of the document, so hostile markup cannot make this pass quadratic.
 * Elements that the extractor removes unread anyway (icons, fallbacks, templates, controls,
 * navigation) go too, so that the parser never builds their nodes.
 */
export function stripMarkup(text: string, expandTemplates = true): StrippedHtml {
  const parts: string[] = [];
  const jsonLd: string[] = [];
  const unclosed = new Set<string>();
  let position = 0;
  let keptUntil = 0;
  OPENERS.lastIndex = 0;
  for (let match = OPENERS.exec(text); match; match = OPENERS.exec(text)) {
    const start = match.index;
    if (start < position) continue;
    const kind = match[1]!.toLowerCase();
    if (kind !== '!--' && /[\w-]/.test(text[start + match[0].length] ?? '')) continue;
    if (kind === '!--') {
      parts.push(text.slice(position, start));
      const end = text.indexOf('-->', start + 4);
      position = end < 0 ? text.length : end + 3;
    } else if (kind === 'script' || kind === 'style') {
      parts.push(text.slice(position, start));
      const tagEnd = text.indexOf('>', start);
      const closeAt = tagEnd < 0 ? -1 : closingTagAt(text, kind, tagEnd);
      const closeEnd = closeAt < 0 ? -1 : text.indexOf('>', closeAt);
      if (kind === 'script' && tagEnd >= 0) {
        const tag = text.slice(start, tagEnd);
        const body = text.slice(tagEnd + 1, closeAt < 0 ? text.length : closeAt);
        if (JSON_LD_TYPE.test(tag)) jsonLd.push(body);
        else if (expandTemplates && HTML_TEMPLATE_TYPE.test(tag) && HOLDS_MARKUP.test(body) && !TEMPLATE_LOGIC.test(body))
          parts.push(`<div>${templateMarkup(body)}</div>`);
      }
      position = closeEnd < 0 ? text.length : closeEnd + 1;
    } else {
      // Inside a navigation block kept for its facts: its own navigation blocks stay too, read once.
      if (kind === 'nav' && start < keptUntil) continue;
      const end = unclosed.has(kind) ? -1 : textlessElementEnd(text, kind, start);
      // Unclosed, or holding a script the loop must still see: left for the parser and the pruning.
      if (end < 0) {
        unclosed.add(kind);
        continue;
      }
      if (kind === 'nav' && PAGE_FACTS.test(text.slice(start, end))) {
        keptUntil = end;
        continue;
      }
      parts.push(text.slice(position, start));
      position = end;
    }
    OPENERS.lastIndex = position;
  }
  parts.push(text.slice(position));
  return { html: parts.join(''), jsonLd };
}

/**
 * A template's markup, stripped like the page. Its own scripts close with `<\/script>` (the one
 * spelling a script's body may hold); left as they are, the parser would take the rest of the page
 * for one of them. Templates inside templates are dropped, so nesting cannot multiply the work.
 */
function templateMarkup(body: string): string {
  return stripMarkup(body.replace(/<\\\//g, '</'), false).html;
}

const CLOSERS: Record<string, RegExp> = { script: /<\/script/gi, style: /<\/style/gi };

/**
 * The next end tag of a script or style, in any letter case. One forward scan that stops at the
 * first match: searching the lower- and upper-case spellings separately ran to the end of the
 * page for every script when one spelling was absent.
 */
function closingTagAt(text: string, kind: string, from: number): number {
  const closer = CLOSERS[kind]!;
  closer.lastIndex = from;
  return closer.exec(text)?.index ?? -1;
}

const NESTED: Record<string, RegExp> = Object.fromEntries(
  ['svg', 'math', 'noscript', 'template', 'button', 'nav'].map((kind) => [
    kind,
    new RegExp(`<(/?)${kind}(?![\\w-])`, 'gi'),
  ]),
);

/**
 * Where an element without article text ends (past its end tag, nesting counted), or -1 when
 * it never closes or holds a script. A kind that failed once is not searched again (the caller
 * remembers it), so many unclosed openers cannot make the pass quadratic.
 */
function textlessElementEnd(text: string, kind: string, start: number): number {
  const tags = NESTED[kind]!;
  tags.lastIndex = start + 1;
  let depth = 1;
  for (let m = tags.exec(text); m; m = tags.exec(text)) {
    depth += m[1] ? -1 : 1;
    if (depth > 0) continue;
    const end = text.indexOf('>', m.index);
    if (end < 0) return -1;
    return /<script/i.test(text.slice(start, m.index)) ? -1 : end + 1;
  }
  return -1;
}
