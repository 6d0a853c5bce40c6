import { getDomain } from 'tldts';
import { SOURCE_LINE } from '../content/cues.js';
import type { Credit } from '../types.js';

const ORIGINALLY = /\b(?:originally|first)\s+(?:published|appeared|posted|ran)\s+(?:at|on|in|by)\s+(?:the\s+)?([^.;:!?()\n]{2,80}?)(?=[,.;:!?()\n]|\s+(?:and|on|in|at)\s|$)/i;
const AVAILABLE_AT = /\b(?:published|available|appeared)\s+(?:and\s+is\s+available\s+)?(?:at|on)\s+((?:https?:\/\/)?[\w-]+(?:\.[\w-]+)+(?:\/\S*)?)/i;
const WIRE_DATELINE = /^[^\n()]{0,60}?\(\s*(Reuters|AP|AFP|dpa|DPA|APA|KNA|epd|SDA|ANSA|EFE|UPI|Xinhua|TASS|Bloomberg|Anadolu|AA|PA|IANS|PTI|ANI|WAM|SPA|KUNA|MENA|QNA|BNA|[A-Z][A-Za-z.&/ ]{1,20}?)\s*\)\s*[-–—:]/;

/**
 * The sources a page names as its origin: a canonical or `og:url` on another site, an
 * "originally published at" or "available at" sentence, a "Source:" line, a wire dateline
 * ("BERLIN (Reuters) -"). Only the opening and closing paragraphs are read for lines and
 * datelines, where pages put them.
 */
export function findCredits(paragraphs: string[], pageUrl: string | undefined, canonicalUrl: string | null, ogUrl: string | null): Credit[] {
  const credits: Credit[] = [];
  const add = (credit: Credit) => {
    if (!credits.some((c) => c.kind === credit.kind && c.name === credit.name && c.url === credit.url)) credits.push(credit);
  };
  const pageDomain = pageUrl ? getDomain(pageUrl) : null;
  for (const [kind, address] of [['canonical', canonicalUrl], ['og-url', ogUrl]] as const) {
    const domain = address ? getDomain(address) : null;
    if (address && domain && pageDomain && domain !== pageDomain) add({ kind, name: domain, url: address });
  }
  paragraphs.slice(0, 3).forEach((p) => {
    const wire = WIRE_DATELINE.exec(p);
    if (wire?.[1]) add({ kind: 'wire-dateline', name: wire[1].trim(), url: null });
  });
  for (const p of paragraphs.length > 8 ? [...paragraphs.slice(0, 3), ...paragraphs.slice(-5)] : paragraphs) {
    const source = p.length < 160 ? SOURCE_LINE.exec(p) : null;
    if (source?.[1]) add({ kind: 'source-line', name: source[1].trim(), url: urlIn(source[1]) });
    const original = ORIGINALLY.exec(p);
    if (original?.[1]) add({ kind: 'originally-published', name: original[1].trim(), url: urlIn(original[1]) });
    const available = AVAILABLE_AT.exec(p);
    if (available?.[1]) add({ kind: 'originally-published', name: available[1].replace(/[.,;]+$/, ''), url: urlIn(available[1]) });
  }
  return credits;
}

function urlIn(text: string): string | null {
  const m = /(https?:\/\/[^\s,;]+|(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}(?:\/[^\s,;]*)?)/i.exec(text);
  if (!m?.[1]) return null;
  const candidate = m[1].replace(/[.)]+$/, '');
  try {
    const url = new URL(/^https?:/i.test(candidate) ? candidate : `https://${candidate}`);
    return getDomain(url.hostname) ? url.href : null;
  } catch {
    return null;
  }
}
