import { createEntityContext, decodeEntities } from './xml-entities.js';
import { isNameStart, readDeclaration, readStartTag } from './xml-markup.js';
import { knownPrefix } from './xml-names.js';
import { resolveUrl } from './urls.js';

/** One element of a feed document. */
export interface XmlElement {
  /** How Newsdesk matches it: known namespace prefix + lower-cased local name (`dc:creator`, `item`). */
  key: string;
  /** The name as written, used when embedded XHTML is written back out. */
  name: string;
  /** Namespace URI, or '' for none. */
  ns: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  /** The xml:base in effect (or the document address), for resolving relative links. */
  base: string | null;
  lang: string | null;
}
export type XmlNode = XmlElement | string;

export interface XmlTree {
  root: XmlElement | null;
  /** Every top-level element, the root first: servers sometimes print an error page before the feed. */
  roots: XmlElement[];
  /** What had to be recovered; empty for a well-formed document. */
  issues: Set<string>;
}

type Scope = Record<string, string>;
/** Deeper elements are dropped (their text kept): feeds nest a few levels, hostile input thousands. */
const MAX_DEPTH = 256;
const DEFAULT_SCOPE: Scope = Object.freeze({ xml: 'http://www.w3.org/XML/1998/namespace' }) as Scope;

/**
 * A tolerant XML reader built for feeds. It never throws: it recovers what a reader would
 * still understand (bare `&`, HTML entities, stray or missing end tags, a truncated end) and
 * records each recovery in `issues`. It reads no DTD beyond internal entity declarations.
 */
export function parseXmlTree(source: string, documentUrl: string | null): XmlTree {
  const entities = createEntityContext(source.length);
  const issues = entities.issues;
  const stack: XmlElement[] = [];
  const scopes: Scope[] = [DEFAULT_SCOPE];
  let root: XmlElement | null = null;
  const roots: XmlElement[] = [];
  let rootClosed = false;
  const length = source.length;
  let i = 0;

  const addText = (text: string) => {
    const parent = stack[stack.length - 1];
    if (!parent) return;
    const value = decodeEntities(text, entities);
    const children = parent.children;
    const last = children.length - 1;
    if (last >= 0 && typeof children[last] === 'string') children[last] += value;
    else children.push(value);
  };

  while (i < length) {
    const lt = source.indexOf('<', i);
    if (lt === -1) {
      if (stack.length) addText(source.slice(i));
      break;
    }
    if (lt > i && stack.length) addText(source.slice(i, lt));
    const next = source.charCodeAt(lt + 1);
    if (next === 47 /* / */) {
      const end = source.indexOf('>', lt);
      if (end === -1) break;
      closeElement(source.slice(lt + 2, end).trim(), stack, scopes, issues);
      i = end + 1;
      if (stack.length === 0 && root) rootClosed = true;
    } else if (next === 33 /* ! */) {
      i = readDeclaration(source, lt, stack.length > 0 ? addRaw : null, entities);
    } else if (next === 63 /* ? */) {
      const end = source.indexOf('?>', lt + 2);
      i = end === -1 ? length : end + 2;
    } else if (isNameStart(next)) {
      if (rootClosed) issues.add('content after the root element');
      const parsed = readStartTag(source, lt, entities);
      if (!parsed) {
        issues.add('document ends inside a tag');
        break;
      }
      if (stack.length >= MAX_DEPTH) {
        issues.add('elements nested too deeply were dropped');
        i = parsed.end;
        continue;
      }
      const element = openElement(parsed.name, parsed.attrs, stack, scopes, documentUrl, issues);
      if (element.key === 'item' || element.key === 'atom:entry')
        closeUnfinishedSibling(element, stack, scopes, issues);
      const parent = stack[stack.length - 1];
      if (parent) parent.children.push(element);
      else roots.push(element);
      root ??= element;
      if (parsed.selfClosing) scopes.pop();
      else stack.push(element);
      i = parsed.end;
    } else {
      issues.add('bare "<" in text');
      if (stack.length) addText('<');
      i = lt + 1;
    }
  }
  if (stack.length > 0) issues.add('document is truncated: elements left open');
  return { root, roots, issues };

  function addRaw(text: string) {
    const parent = stack[stack.length - 1] as XmlElement;
    const last = parent.children.length - 1;
    if (last >= 0 && typeof parent.children[last] === 'string') parent.children[last] += text;
    else parent.children.push(text);
  }
}

function openElement(
  name: string,
  attrs: Record<string, string>,
  stack: XmlElement[],
  scopes: Scope[],
  documentUrl: string | null,
  issues: Set<string>,
): XmlElement {
  const parent = stack[stack.length - 1];
  let scope = scopes[scopes.length - 1] as Scope;
  let declares = false;
  for (const attr in attrs) {
    if (attr === 'xmlns' || attr.startsWith('xmlns:')) {
      if (!declares) scope = Object.create(scope) as Scope;
      declares = true;
      scope[attr === 'xmlns' ? '' : attr.slice(6)] = attrs[attr] as string;
    }
  }
  scopes.push(scope);
  const colon = name.indexOf(':');
  const prefix = colon === -1 ? '' : name.slice(0, colon);
  const local = (colon === -1 ? name : name.slice(colon + 1)).toLowerCase();
  const ns = scope[prefix] ?? '';
  if (prefix !== '' && ns === '') issues.add(`undeclared namespace prefix "${prefix}"`);
  const known = ns ? knownPrefix(ns) : undefined;
  const keyPrefix = known ?? (ns && prefix === '' ? '' : prefix.toLowerCase());
  const parentBase = parent ? parent.base : documentUrl;
  const xmlBase = attrs['xml:base'];
  const xmlLang = attrs['xml:lang'];
  return {
    key: keyPrefix ? `${keyPrefix}:${local}` : local,
    name,
    ns,
    attrs,
    children: [],
    base: xmlBase === undefined ? parentBase : (resolveUrl(xmlBase, parentBase) ?? parentBase),
    lang: xmlLang === undefined ? (parent ? parent.lang : null) : xmlLang.trim() || null,
  };
}

/**
 * Items and entries never nest: a new one while another is open means the previous end tag
 * was lost, so the open one is closed. The new element's scope was pushed already and stays.
 */
function closeUnfinishedSibling(
  element: XmlElement,
  stack: XmlElement[],
  scopes: Scope[],
  issues: Set<string>,
): void {
  for (let depth = stack.length - 1; depth >= 0; depth--) {
    if ((stack[depth] as XmlElement).key !== element.key) continue;
    const ownScope = scopes[scopes.length - 1] as Scope;
    stack.length = depth;
    scopes.length = depth + 1;
    scopes.push(ownScope);
    issues.add(`<${element.name}> opened before the previous one was closed`);
    return;
  }
}

function closeElement(name: string, stack: XmlElement[], scopes: Scope[], issues: Set<string>): void {
  for (let depth = stack.length - 1; depth >= 0; depth--) {
    const open = stack[depth] as XmlElement;
    if (open.name === name || open.name.toLowerCase() === name.toLowerCase()) {
      if (depth !== stack.length - 1) issues.add('element closed without its children being closed');
      stack.length = depth;
      scopes.length = depth + 1;
      return;
    }
  }
  issues.add(`end tag </${name}> without a start tag`);
}
