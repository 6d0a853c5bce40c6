import { declareEntities, decodeEntities, type EntityContext } from './xml-entities.js';

// The pieces of markup the feed XML reader meets, each read from a `<` and answering where
// it ends. They never throw: a construct cut off by the end of the document says so.

const NAME_END = /[\s/>]/g;

/** Comments, CDATA sections and DOCTYPE; returns the index after them. */
export function readDeclaration(
  source: string,
  lt: number,
  addRaw: ((text: string) => void) | null,
  entities: EntityContext,
): number {
  if (source.startsWith('<!--', lt)) {
    const end = source.indexOf('-->', lt + 4);
    if (end === -1) entities.issues.add('unclosed comment');
    return end === -1 ? source.length : end + 3;
  }
  if (source.startsWith('<![CDATA[', lt)) {
    const end = source.indexOf(']]>', lt + 9);
    if (end === -1) entities.issues.add('unclosed CDATA section');
    addRaw?.(source.slice(lt + 9, end === -1 ? source.length : end));
    return end === -1 ? source.length : end + 3;
  }
  const subsetStart = source.indexOf('[', lt);
  const firstClose = source.indexOf('>', lt);
  if (firstClose === -1) return source.length;
  if (subsetStart !== -1 && subsetStart < firstClose) {
    const subsetEnd = source.indexOf(']', subsetStart);
    const end = subsetEnd === -1 ? -1 : source.indexOf('>', subsetEnd);
    if (end === -1) return source.length;
    declareEntities(source.slice(subsetStart, subsetEnd), entities);
    return end + 1;
  }
  return firstClose + 1;
}

export interface StartTag {
  name: string;
  attrs: Record<string, string>;
  selfClosing: boolean;
  end: number;
}

export function readStartTag(source: string, lt: number, entities: EntityContext): StartTag | null {
  NAME_END.lastIndex = lt + 1;
  const nameEnd = NAME_END.exec(source);
  if (!nameEnd) return null;
  const name = source.slice(lt + 1, nameEnd.index);
  const attrs: Record<string, string> = {};
  let p = nameEnd.index;
  const length = source.length;
  for (;;) {
    let c = source.charCodeAt(p);
    while (c === 32 || c === 10 || c === 13 || c === 9) c = source.charCodeAt(++p);
    if (p >= length) return null;
    if (c === 62 /* > */) return { name, attrs, selfClosing: false, end: p + 1 };
    if (c === 47 /* / */) {
      if (source.charCodeAt(p + 1) === 62) return { name, attrs, selfClosing: true, end: p + 2 };
      p++;
      continue;
    }
    const attrStart = p;
    while (p < length && !isAttrNameEnd(source.charCodeAt(p))) p++;
    const attrName = source.slice(attrStart, p);
    c = source.charCodeAt(p);
    while (c === 32 || c === 10 || c === 13 || c === 9) c = source.charCodeAt(++p);
    if (c !== 61 /* = */) {
      if (attrName) attrs[attrName] = '';
      if (p === attrStart) p++;
      continue;
    }
    c = source.charCodeAt(++p);
    while (c === 32 || c === 10 || c === 13 || c === 9) c = source.charCodeAt(++p);
    let value: string;
    if (c === 34 || c === 39) {
      const close = source.indexOf(c === 34 ? '"' : "'", p + 1);
      if (close === -1) return null;
      value = source.slice(p + 1, close);
      p = close + 1;
    } else {
      const valueStart = p;
      while (p < length && !isUnquotedEnd(source.charCodeAt(p))) p++;
      value = source.slice(valueStart, p);
      entities.issues.add('unquoted attribute value');
    }
    if (attrName) attrs[attrName] = decodeEntities(value, entities);
  }
}

export function isNameStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 58 || c > 127;
}

function isAttrNameEnd(c: number): boolean {
  return c === 61 || c === 62 || c === 47 || c === 32 || c === 10 || c === 13 || c === 9;
}

function isUnquotedEnd(c: number): boolean {
  return c === 62 || c === 32 || c === 10 || c === 13 || c === 9;
}
