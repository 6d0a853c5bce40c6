import type { DomElement } from '../input/dom.js';

/** Resolves a possibly relative address; null when it cannot be resolved or is not a link at all. */
export function absoluteUrl(value: string, base: string | undefined): string | null {
  const trimmed = value.trim();
  if (trimmed === '' || trimmed.startsWith('#')) return null;
  try {
    return new URL(trimmed, base).href;
  } catch {
    return null;
  }
}

const LAZY_SOURCES = ['data-src', 'data-lazy-src', 'data-original', 'data-lazy', 'data-url', 'data-hi-res-src', 'data-full-src', 'data-echo', 'data-image'];
const LAZY_SRCSETS = ['data-srcset', 'data-lazy-srcset'];
/** The attributes where lazy loaders keep an image's real address; markup compaction keeps them. */
export const LAZY_IMAGE_ATTRIBUTES: readonly string[] = [...LAZY_SOURCES, ...LAZY_SRCSETS];

/**
 * Gives images their real source (lazy loaders keep it in `data-src` and friends while `src`
 * holds a placeholder) and makes every link and image address absolute.
 */
export function resolveAddresses(roots: DomElement[], base: string | undefined): void {
  for (const root of roots) {
    for (const img of [root, ...Array.from(root.querySelectorAll('img, source'))]) {
      if (img.localName !== 'img' && img.localName !== 'source') continue;
      const lazy = LAZY_SOURCES.map((a) => img.getAttribute(a)).find((v) => v && !v.startsWith('data:'));
      const src = img.getAttribute('src');
      if (lazy && (!src || src.startsWith('data:') || /blank|placeholder|spacer|pixel|lazy|loading/i.test(src))) img.setAttribute('src', lazy);
      const lazySet = LAZY_SRCSETS.map((a) => img.getAttribute(a)).find(Boolean);
      if (lazySet) img.setAttribute('srcset', lazySet);
    }
    for (const el of [root, ...Array.from(root.querySelectorAll('[href], [src], [srcset], [poster]'))]) {
      for (const attribute of ['href', 'src', 'poster']) {
        const value = el.getAttribute(attribute);
        if (value === null || /^(data|mailto|tel):/i.test(value.trim())) continue;
        const resolved = absoluteUrl(value, base);
        if (resolved) el.setAttribute(attribute, resolved);
        else el.removeAttribute(attribute);
      }
      const srcset = el.getAttribute('srcset');
      if (srcset) el.setAttribute('srcset', srcset.split(/,\s+/).map((part) => resolveCandidate(part, base)).filter(Boolean).join(', '));
    }
  }
}

function resolveCandidate(candidate: string, base: string | undefined): string {
  const [address, ...descriptor] = candidate.trim().split(/\s+/);
  const resolved = address ? absoluteUrl(address, base) : null;
  return resolved ? [resolved, ...descriptor].join(' ') : '';
}
