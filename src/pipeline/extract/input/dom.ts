import { DOMParser } from 'linkedom';

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
  attributes: ArrayLike<{ name: string; value: string }>;
  innerHTML: string;
  outerHTML: string;
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
  hasAttribute(name: string): boolean;
  removeAttribute(name: string): void;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  getElementsByTagName(name: string): ArrayLike<DomElement>;
  appendChild(node: DomNode): DomNode;
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
  return Array.from(element.children);
}

/** An element's class and id together, lower-cased, for cue matching. */
export function classAndId(element: DomElement): string {
  const cls = element.getAttribute('class') ?? '';
  const id = element.getAttribute('id') ?? '';
  return cls || id ? `${cls} ${id}`.toLowerCase() : '';
}

/** The deepest element nesting below `root`, walked without recursion. */
export function maxDepth(root: DomElement, stopAt: number): number {
  let deepest = 0;
  const stack: Array<[DomElement, number]> = [[root, 0]];
  while (stack.length) {
    const [element, depth] = stack.pop()!;
    if (depth > deepest) deepest = depth;
    if (deepest > stopAt) return deepest;
    for (const child of Array.from(element.children)) stack.push([child, depth + 1]);
  }
  return deepest;
}
