import type { DomElement } from '../input/dom.js';

/** `<meta>` values by lower-cased name, property or itemprop, in document order. */
export type MetaTags = Map<string, string[]>;

export function readMetaTags(metas: readonly DomElement[]): MetaTags {
  const tags: MetaTags = new Map();
  for (const meta of metas) {
    // Some frameworks write `value` where the standard says `content`.
    const content = (meta.getAttribute('content') ?? meta.getAttribute('value'))?.trim();
    if (!content) continue;
    const keys = [meta.getAttribute('property'), meta.getAttribute('name'), meta.getAttribute('itemprop'), meta.getAttribute('http-equiv')];
    for (const key of keys) {
      // `property` may hold several space-separated names (RDFa), e.g. "og:title twitter:title".
      for (const name of (key ?? '').toLowerCase().split(/\s+/)) {
        if (!name) continue;
        const list = tags.get(name);
        if (list) list.push(content);
        else tags.set(name, [content]);
      }
    }
  }
  return tags;
}

/** The first value among the given names, in the order of trust given. */
export function firstMeta(tags: MetaTags, names: readonly string[]): string | null {
  for (const name of names) {
    const value = tags.get(name)?.[0];
    if (value) return value;
  }
  return null;
}
