import type { XmlElement, XmlNode } from './xml-tree.js';

const VOID_ELEMENTS = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);

/** The text of an element and its descendants, markup dropped. */
export function textOf(element: XmlElement): string {
  const children = element.children;
  if (children.length === 1 && typeof children[0] === 'string') return children[0];
  let text = '';
  for (const child of children) text += typeof child === 'string' ? child : textOf(child);
  return text;
}

/**
 * The content of an element as an HTML string: escaped HTML arrives as text already; HTML
 * written straight into the feed (naked markup, Atom XHTML) is written back out.
 */
export function innerHtml(element: XmlElement): string {
  const children = element.children;
  if (children.length === 1 && typeof children[0] === 'string') return children[0];
  if (children.every((c) => typeof c === 'string')) return children.join('');
  return innerXml(element);
}

/** The markup inside an element written back out, its text escaped: for XHTML content. */
export function innerXml(element: XmlElement): string {
  let html = '';
  for (const child of element.children) html += serialise(child);
  return html;
}

function serialise(node: XmlNode): string {
  if (typeof node === 'string') return escapeText(node);
  const colon = node.name.indexOf(':');
  const name = colon === -1 ? node.name : node.name.slice(colon + 1);
  let open = `<${name}`;
  for (const attr in node.attrs) {
    if (attr === 'xmlns' || attr.startsWith('xmlns:')) continue;
    open += ` ${attr}="${escapeAttribute(node.attrs[attr] as string)}"`;
  }
  const inner = node.children.map(serialise).join('');
  if (VOID_ELEMENTS.has(name.toLowerCase())) return `${open}>${inner}`;
  return `${open}>${inner}</${name}>`;
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttribute(text: string): string {
  return escapeText(text).replace(/"/g, '&quot;');
}

/** First child element with one of the keys, in document order of the keys given. */
export function child(element: XmlElement, ...keys: string[]): XmlElement | undefined {
  for (const key of keys) {
    for (const node of element.children) if (typeof node !== 'string' && node.key === key) return node;
  }
  return undefined;
}

/** All child elements with the key. */
export function children(element: XmlElement, key: string): XmlElement[] {
  const found: XmlElement[] = [];
  for (const node of element.children) if (typeof node !== 'string' && node.key === key) found.push(node);
  return found;
}

/** Trimmed text of the first child with one of the keys, or null when absent or empty. */
export function childText(element: XmlElement, ...keys: string[]): string | null {
  for (const key of keys) {
    const found = child(element, key);
    if (found) {
      const text = textOf(found).trim();
      if (text) return text;
    }
  }
  return null;
}
