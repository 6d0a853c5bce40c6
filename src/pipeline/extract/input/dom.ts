import { DOMParser } from 'linkedom';
import { tuneLinkedom } from './linkedom-tuning.js';

tuneLinkedom();

/**
 * The small part of the DOM the extractor uses, typed here because the project compiles
 * without the browser's DOM library; linkedom's documents satisfy it.
 */
export interface DomNode {
  nodeType: number;
  parentNode: DomElement | null;
  nextSibling: DomNode | null;
  firstChild: DomNode | null;
  childNodes: ArrayLike<DomNode>;
  textContent: string | null;
  remove(): void;
}

export interface DomElement extends DomNode {
  localName: string;
  id: string;
  className: string;
  children: ArrayLike<DomElement>;
  firstElementChild: DomElement | null;
  nextElementSibling: DomElement | null;
  lastElementChild: DomElement | null;
  previousElementSibling: DomElement | null;
  attributes: ArrayLike<{ name: string; value: string }>;
  innerHTML: string;
  outerHTML: string;
  getAttribute(name: string): string | null;
  getAttributeNode(name: string): { value: string } | null;
  setAttribute(name: string, value: string): void;
  hasAttribute(name: string): boolean;
  removeAttribute(name: string): void;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  getElementsByTagName(name: string): ArrayLike<DomElement>;
  appendChild(node: DomNode): DomNode;
  insertBefore(node: DomNode, before: DomNode | null): DomNode;
  replaceWith(...nodes: DomNode[]): void;
}

export interface DomDocument {
  documentElement: DomElement;
  body: DomElement | null;
  head: DomElement | null;
  title: string;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  getElementsByTagName(name: string): ArrayLike<DomElement>;
  createElement(name: string): DomElement;
  createTextNode(text: string): DomNode;
}

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;

/** Parses HTML text into a linkedom document. */
export function parseDocument(html: string): DomDocument {
  return new DOMParser().parseFromString(html, 'text/html') as unknown as DomDocument;
}

/** Elements that belong in a `<head>`; any other closes it, as in browsers. */
const HEAD_CONTENT = new Set(['title', 'meta', 'link', 'style', 'script', 'base', 'noscript', 'template', 'object']);

/**
 * Moves a page's content out of a `<head>` it never closed. Browsers end the head at the first
 * element that cannot be in one and put it, and all after it, in the body; linkedom leaves them in
 * the head, where nothing is article text. Answers whether anything moved.
 */
export function closeHeadAtContent(document: DomDocument): boolean {
  const head = document.head;
  const html = document.documentElement;
  if (!head || !html || head.parentNode !== html) return false;
  let first = head.firstElementChild;
  while (first && HEAD_CONTENT.has(first.localName)) first = first.nextElementSibling;
  if (!first) return false;
  let body = document.body;
  if (!body || body.localName !== 'body' || body.parentNode !== html) {
    body = document.createElement('body');
    html.insertBefore(body, head.nextSibling);
  }
  const moving: DomNode[] = [];
  for (let node: DomNode | null = first; node; node = node.nextSibling) moving.push(node);
  const before = body.firstChild;
  for (const node of moving) body.insertBefore(node, before);
  return true;
}

/**
 * The element holding the page: the \`<body>\` with the most text. Broken markup (several
 * \`<html>\` tags, content before \`<html>\`) can leave linkedom's \`document.body\` empty or missing.
 */
export function pageRoot(document: DomDocument): DomElement {
  const stated = document.body;
  if (stated && stated.localName === 'body' && stated.parentNode === document.documentElement && stated.firstElementChild) return stated;
  const bodies = Array.from(document.getElementsByTagName('body'));
  let best: DomElement | null = null;
  let bestLength = -1;
  for (const body of bodies) {
    const length = body.textContent?.length ?? 0;
    if (length > bestLength) [best, bestLength] = [body, length];
  }
  const whole = document.documentElement;
  if (!best || (whole && (whole.textContent?.length ?? 0) > bestLength * 2)) return whole ?? best!;
  return best;
}

/** The element children of a node as an array (linkedom returns live collections). */
export function childElements(element: DomElement): DomElement[] {
  const children: DomElement[] = [];
  for (let child = element.firstElementChild; child; child = child.nextElementSibling) children.push(child);
  return children;
}

/**
 * Pushes an element's children onto a stack so that the first child is popped first. Walks
 * siblings: linkedom builds a new list for every read of `children`.
 */
export function pushChildren(stack: DomElement[], element: DomElement): void {
  for (let child = element.lastElementChild; child; child = child.previousElementSibling) stack.push(child);
}

/** An element's class and id together, lower-cased, for cue matching. */
export function classAndId(element: DomElement): string {
  // Read the attribute nodes: linkedom answers getAttribute('class') by building a class list.
  const cls = element.getAttributeNode('class')?.value ?? '';
  const id = element.getAttributeNode('id')?.value ?? '';
  return cls || id ? `${cls} ${id}`.toLowerCase() : '';
}

/**
 * The deepest element nesting below `root`, walked without recursion or stacks: down to the
 * first child, else on to the next sibling, else back up. Stops once past `stopAt`.
 */
export function maxDepth(root: DomElement, stopAt: number): number {
  let deepest = 0;
  let depth = 0;
  let element: DomElement = root;
  for (;;) {
    const child = element.firstElementChild;
    if (child) {
      element = child;
      if (++depth > deepest && (deepest = depth) > stopAt) return deepest;
      continue;
    }
    let next = element.nextElementSibling;
    while (!next && element !== root) {
      element = element.parentNode!;
      depth--;
      next = element === root ? null : element.nextElementSibling;
    }
    if (!next) return deepest;
    element = next;
  }
}
