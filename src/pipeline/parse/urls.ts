const UNSAFE_SCHEME = /^\s*(javascript|vbscript|data):/i;
/** Already absolute and plain: no need to run the URL parser (the common case, and a hot path). */
const PLAIN_ABSOLUTE = /^https?:\/\/[a-z0-9.-]+(?::\d+)?(?:\/[\w\-.~:/?#@!$&'()*+,;=%]*)?$/;
const ABSOLUTE = /^[a-z][a-z0-9+.-]*:/i;

/**
 * Makes a link absolute against a base (xml:base or the feed's own address). Returns null
 * when that is impossible (relative link, no base) or when the scheme could run code in a
 * reader's browser: link fields end up as `href`s.
 */
export function resolveUrl(href: string | null | undefined, base: string | null): string | null {
  if (href == null) return null;
  const trimmed = href.trim();
  if (PLAIN_ABSOLUTE.test(trimmed)) return trimmed;
  if (trimmed === '' && base === null) return null;
  if (UNSAFE_SCHEME.test(trimmed)) return null;
  try {
    if (base === null && !ABSOLUTE.test(trimmed)) return null;
    return new URL(trimmed, base ?? undefined).href;
  } catch {
    return ABSOLUTE.test(trimmed) ? trimmed : null;
  }
}

const URL_ATTRIBUTE =
  /(\s(?:href|src|poster|cite|background|longdesc|usemap|action|data)\s*=\s*)("[^"]*"|'[^']*')/gi;

/**
 * Resolves relative `href`/`src` (and similar) attributes inside embedded HTML. The xml:base
 * that applied to a piece of content is lost once it leaves the feed, so this is the last
 * place that can make its links absolute.
 */
export function resolveHtmlUrls(html: string, base: string | null): string {
  if (base === null || html.indexOf('=') === -1) return html;
  return html.replace(URL_ATTRIBUTE, (match: string, lead: string, quoted: string) => {
    const value = quoted.slice(1, -1).trim();
    if (ABSOLUTE.test(value) || value.startsWith('#')) return match;
    const resolved = resolveUrl(value.replace(/&amp;/g, '&'), base);
    if (resolved === null) return match;
    return `${lead}${quoted[0]}${resolved.replace(/&/g, '&amp;').replace(/"/g, '%22')}${quoted[0]}`;
  });
}
