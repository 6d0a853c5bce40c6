import { cleanByline, isNameLike, LEAD_IN } from './clean-byline.js';
import type { MetaTags } from './meta-tags.js';
import type { PageIndex } from './page-index.js';
import { collapse } from './read-title.js';
import { classAndId, type DomElement } from '../input/dom.js';

/**
 * Names that only ever hold the author first; publishers fill the generic `author` with the
 * company's name on some sites and Dublin Core's `creator` with it on others.
 */
const AUTHOR_META = ['article:author_name', 'parsely-author', 'sailthru.author', 'article:author', 'byl', 'author', 'dc.creator', 'dcterms.creator', 'dc:creator', 'citation_author', 'twitter:creator:name'];
/** What stands between two authors' names. */
const JOINER = /^\s*(,|and|und|&|y|et|e|i)?\s*$/i;
const NOT_A_NAME = /^(https?:|www\.|\/|@)|facebook\.com/;
const BYLINE_CUE = /(^|[\s_-])(byline|by-?line|author|authors|author-?name|autor|auteur|writer|creator)([\s_-]|$)/;

/** The author as the page names them: JSON-LD, then `<meta>`, then marked-up bylines in the page. */
export function readByline(page: PageIndex, meta: MetaTags, jsonLdAuthors: string[], organisation: string | null): string | null {
  // Sites name themselves as the author when no person signed the piece; that is no byline.
  // Profile addresses and handles are not names.
  const people = jsonLdAuthors.filter((a) => !NOT_A_NAME.test(a) && (!organisation || a.toLowerCase() !== organisation.toLowerCase()));
  if (people.length) return cleanByline(people.join(', '));
  for (const name of AUTHOR_META) {
    const stated = meta.get(name)?.find((value) => !NOT_A_NAME.test(value) && value.toLowerCase() !== organisation?.toLowerCase());
    if (stated) return cleanByline(stated);
  }
  const marked = page.markedAuthor;
  const markedText = marked ? (marked.getAttribute('content') ?? bylineText(marked)) : '';
  if (markedText && markedText.length < 100 && !NOT_A_NAME.test(markedText)) return cleanByline(markedText);
  for (const el of page.named.slice(0, 3000)) {
    if (!BYLINE_CUE.test(classAndId(el))) continue;
    const text = bylineText(el);
    if (text.length > 2 && text.length < 100) return cleanByline(text);
  }
  return null;
}

/**
 * A byline element's text. Its parts are often separate elements whose text runs together
 * ("Howard BlumeStaff Writer"): when it opens with links that read as names, joined only by
 * commas or "and", those are the authors.
 */
function bylineText(element: DomElement): string {
  const text = collapse(element.textContent ?? '');
  if (element.localName === 'a') return text;
  const names = Array.from(element.getElementsByTagName('a'))
    .map((a) => collapse(a.textContent ?? ''))
    .filter(isNameLike);
  const authors: string[] = [];
  let rest = text.replace(LEAD_IN, '');
  for (const name of names) {
    const at = rest.indexOf(name);
    const between = at < 0 ? null : rest.slice(0, at);
    if (between === null || !(authors.length === 0 ? between.trim() === '' : JOINER.test(between))) break;
    if (!authors.includes(name)) authors.push(name);
    rest = rest.slice(at + name.length);
  }
  return authors.length ? authors.join(', ') : text;
}
