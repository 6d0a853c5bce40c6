import { BLOCK_TAGS } from './cues.js';
import { ELEMENT_NODE, TEXT_NODE, type DomElement, type DomNode } from '../input/dom.js';

const CELL_TAGS = new Set(['td', 'th']);
// Soft hyphens, zero-width spaces, word joiners and byte-order marks: invisible, they only split words
// for search and comparison. (Zero-width joiners and non-joiners stay: Persian and Indic spelling needs them.)
const INVISIBLE = /[\u00ad\u200b\u2060\ufeff]/g;
// Embeds held back by a content blocker, as base64 in a hidden element: no reader sees them.
const ENCODED_BLOB = /^[A-Za-z0-9+/=_-]{100,}$/;
// Template code a page left for its scripts to run (`<# if (items) { #>`, `<%= name %>`, `{{{buttons}}}`);
// inside <pre> it is a code sample and stays.
const TEMPLATE_CODE = /<#[^]*?#>|<%[^]*?%>|\{\{\{?\s*[#/^>]?\s*[\w.]+\s*\}?\}\}/;

/**
 * The plain-text paragraphs of the given elements: every block element (paragraph, heading,
 * list item, table row) is its own paragraph; `<br>` is a line break inside one; whitespace is
 * collapsed except inside `<pre>`; characters in Unicode's composed form (NFC), the form text on the
 * web is compared in. Walked without recursion.
 */
export function renderParagraphs(roots: DomElement[]): string[] {
  const paragraphs: string[] = [];
  let buffer = '';
  let preDepth = 0;
  const flush = () => {
    const text = visibleCharacters(buffer)
      .split('\n')
      .map((line) =>
        preDepth > 0 ? line.replace(/\s+$/, '') : line.replace(/[ \t\r\f\u00a0]+/g, ' ').trim(),
      )
      .filter((line, i, lines) => line !== '' || (i > 0 && i < lines.length - 1 && preDepth > 0))
      .join('\n');
    if (text && !ENCODED_BLOB.test(text) && (preDepth > 0 || !TEMPLATE_CODE.test(text))) paragraphs.push(text);
    buffer = '';
  };
  const stack: Array<{ node: DomNode; exit: boolean }> = [];
  for (let i = roots.length - 1; i >= 0; i--) stack.push({ node: roots[i]!, exit: false });
  while (stack.length) {
    const { node, exit } = stack.pop()!;
    if (node.nodeType === TEXT_NODE) {
      const text = node.textContent ?? '';
      buffer += preDepth > 0 ? text : text.replace(/\s+/g, ' ');
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE) continue;
    const tag = (node as DomElement).localName;
    if (exit) {
      if (tag === 'pre') {
        flush();
        preDepth--;
      } else if (BLOCK_TAGS.has(tag)) flush();
      else if (CELL_TAGS.has(tag)) buffer += ' ';
      continue;
    }
    if (tag === 'br') {
      buffer += '\n';
      continue;
    }
    if (BLOCK_TAGS.has(tag)) flush();
    if (tag === 'pre') preDepth++;
    if (CELL_TAGS.has(tag) && buffer !== '' && !buffer.endsWith(' ')) buffer += ' ';
    stack.push({ node, exit: true });
    const children = node.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i]!, exit: false });
  }
  flush();
  return paragraphs;
}

/**
 * Text without invisible characters, in Unicode's composed form (NFC), the form text on the web is
 * compared in: what every paragraph of an article is written as, wherever it was read from.
 */
export function visibleCharacters(text: string): string {
  return text.replace(INVISIBLE, '').normalize('NFC');
}
