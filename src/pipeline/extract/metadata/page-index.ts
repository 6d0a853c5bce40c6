import type { DomDocument, DomElement } from '../input/dom.js';

/**
 * The elements metadata is read from, gathered in one walk of the page in document order.
 * Each `querySelectorAll` on linkedom is a full walk that matches a CSS selector against every
 * element; metadata used to make a dozen of them per page.
 */
export interface PageIndex {
  metas: DomElement[];
  /** The first `<base href>`. */
  base: DomElement | null;
  /** The first `<title>`. */
  title: DomElement | null;
  /** The first `<link rel="canonical">` and `<link rel="image_src">`. */
  canonical: DomElement | null;
  imageSrc: DomElement | null;
  /** The first `[rel="author"]` or `[itemprop="author"]`. */
  markedAuthor: DomElement | null;
  /** `<h1>` and `<h2>`. */
  headings: DomElement[];
  times: DomElement[];
  /** `<time datetime>` and `[itemprop="datePublished"][content]`: machine-readable times. */
  machineTimes: DomElement[];
  /** `[itemprop="datePublished"]`. */
  datePublished: DomElement[];
  /** `abbr.published` and `abbr[title].date`. */
  dateAbbrs: DomElement[];
  /** Elements inside `<body>` with a class or an id, for cues in their names. */
  named: DomElement[];
}

export function indexPage(document: DomDocument): PageIndex {
  const index: PageIndex = {
    metas: [], base: null, title: null, canonical: null, imageSrc: null, markedAuthor: null,
    headings: [], times: [], machineTimes: [], datePublished: [], dateAbbrs: [], named: [],
  };
  const body = document.body;
  const stack: DomElement[] = [];
  const inBody: boolean[] = [];
  for (let top: DomElement | null = document.documentElement; top; top = top.nextElementSibling) {
    stack.push(top);
    inBody.push(false);
  }
  stack.reverse();
  while (stack.length) {
    const element = stack.pop()!;
    const insideBody = inBody.pop()!;
    const tag = element.localName;
    const itemprop = element.getAttributeNode('itemprop')?.value;
    switch (tag) {
      case 'meta':
        index.metas.push(element);
        break;
      case 'base':
        if (!index.base && element.getAttributeNode('href')) index.base = element;
        break;
      case 'title':
        index.title ??= element;
        break;
      case 'link': {
        const rel = element.getAttributeNode('rel')?.value.toLowerCase();
        if (rel === 'canonical') index.canonical ??= element;
        else if (rel === 'image_src') index.imageSrc ??= element;
        break;
      }
      case 'h1':
      case 'h2':
        index.headings.push(element);
        break;
      case 'time':
        index.times.push(element);
        break;
      case 'abbr': {
        const classes = (element.getAttributeNode('class')?.value ?? '').split(/\s+/);
        if (classes.includes('published') || (classes.includes('date') && element.getAttributeNode('title'))) index.dateAbbrs.push(element);
        break;
      }
    }
    if ((tag === 'time' && element.getAttributeNode('datetime')) || (itemprop === 'datePublished' && element.getAttributeNode('content'))) {
      index.machineTimes.push(element);
    }
    if (itemprop === 'datePublished') index.datePublished.push(element);
    // The walk is in document order, so the first match is the selector list's answer; an
    // author's `name` always follows the `itemprop="author"` element that holds it.
    if (!index.markedAuthor && (itemprop === 'author' || element.getAttributeNode('rel')?.value.toLowerCase() === 'author')) index.markedAuthor = element;
    if (insideBody && (element.getAttributeNode('class') || element.getAttributeNode('id'))) index.named.push(element);
    const childrenInBody = insideBody || element === body;
    for (let child = element.lastElementChild; child; child = child.previousElementSibling) {
      stack.push(child);
      inBody.push(childrenInBody);
    }
  }
  return index;
}
