import { htmlEntities } from './html-entities.js';
import { windows1252Character } from './windows-1252.js';

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/**
 * The state entity decoding shares across one document: entities the document declared in
 * its DOCTYPE, what was wrong, and a budget on expansion so that nested declarations
 * ("billion laughs") cannot make the parser allocate without bound.
 */
export interface EntityContext {
  declared: Map<string, string>;
  budget: number;
  issues: Set<string>;
}

export function createEntityContext(inputLength: number): EntityContext {
  return { declared: new Map(), budget: Math.max(1_000_000, inputLength * 4), issues: new Set() };
}

const REFERENCE = /&(?:#(\d{1,8})|#[xX]([0-9a-fA-F]{1,7})|([A-Za-z_][\w.:-]{0,63}));|&/g;

/** Replaces character and entity references; what cannot be understood is kept literally and reported. */
export function decodeEntities(text: string, context: EntityContext): string {
  if (text.indexOf('&') === -1) return text;
  return text.replace(REFERENCE, (match: string, decimal?: string, hex?: string, name?: string) => {
    if (decimal !== undefined || hex !== undefined) {
      return codePointText(decimal !== undefined ? Number(decimal) : parseInt(hex as string, 16), context);
    }
    if (name === undefined) {
      context.issues.add('bare "&" that is not an entity reference');
      return match;
    }
    const xml = XML_ENTITIES[name];
    if (xml !== undefined) return xml;
    const declared = context.declared.get(name);
    if (declared !== undefined) {
      if (declared.length > context.budget) {
        context.issues.add('entity expansion limit reached');
        return match;
      }
      context.budget -= declared.length;
      return declared;
    }
    const html = htmlEntities.get(name);
    if (html !== undefined) {
      context.issues.add('undeclared HTML entity');
      return html;
    }
    context.issues.add(`undeclared entity &${name};`);
    return match;
  });
}

function codePointText(code: number, context: EntityContext): string {
  // Feeds reference windows-1252 punctuation by its byte value (&#150; for an en dash).
  if (code >= 0x80 && code <= 0x9f) return windows1252Character(code);
  if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) {
    context.issues.add('invalid character reference');
    return '\ufffd';
  }
  return String.fromCodePoint(code);
}

const ENTITY_DECLARATION =
  /<!ENTITY\s+(%\s*)?([^\s%"'<>]+)\s+(?:"([^"]*)"|'([^']*)'|(SYSTEM|PUBLIC)\b[^>]*)\s*>/g;

/**
 * Reads the internal entities of a DOCTYPE. External entities (SYSTEM, PUBLIC) and parameter
 * entities are never resolved: a feed must not make Newsdesk read files or fetch addresses.
 */
export function declareEntities(doctype: string, context: EntityContext): void {
  for (const match of doctype.matchAll(ENTITY_DECLARATION)) {
    const [, parameter, name, double, single, external] = match;
    if (parameter || !name) continue;
    if (external) {
      context.issues.add('external entity ignored');
      continue;
    }
    if (context.declared.has(name)) continue;
    context.declared.set(name, decodeEntities(double ?? single ?? '', context));
  }
}
