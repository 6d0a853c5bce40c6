import { createHash } from 'node:crypto';
import type { ParsedItem } from '../../domain/feed.js';

/**
 * Query parameters that say how a reader arrived, not what they read: campaign tags, click
 * ids of ad and social networks, newsletter ids. Two links differing only in these name the
 * same article.
 */
const TRACKING_PARAMETERS = new Set([
  'fbclid',
  'gclid',
  'gclsrc',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'yclid',
  'twclid',
  'ttclid',
  'li_fat_id',
  'mc_cid',
  'mc_eid',
  'igshid',
  'igsh',
  '_hsenc',
  '_hsmi',
  '__hstc',
  '__hssc',
  '__hsfp',
  'hsctatracking',
  'ref_src',
  'ref_url',
  'mkt_tok',
  '_ga',
  '_gl',
  'vero_id',
  'vero_conv',
  'oly_anon_id',
  'oly_enc_id',
  'rb_clickid',
  's_cid',
  'wt.mc_id',
  'wt_mc_id',
  'cmpid',
  'ocid',
  'spm',
  'ncid',
  'sr_share',
  'smid',
  'at_medium',
  'at_campaign',
  'at_custom1',
  'at_custom2',
  'at_custom3',
  'at_custom4',
]);
/** Whole families of tracking parameters, by prefix: `utm_source`, `ns_campaign`, `pk_kwd`... */
const TRACKING_PREFIXES = ['utm_', 'ns_', 'pk_', 'mtm_', 'piwik_', 'matomo_'];
const UNRESERVED = /%([0-9a-f]{2})/gi;

/**
 * The address an item is known by, for telling whether two links name the same article:
 * https and http read alike, host in lower case without a trailing dot, default ports and
 * the fragment dropped (a `#!` route is kept: it selects the page), tracking parameters
 * removed and the rest sorted, percent-escapes of unreserved characters decoded and the
 * others upper-cased (RFC 3986 §6.2.2), and a trailing slash dropped. Null when the text is
 * not an absolute http(s) URL. Only for comparing: the link shown to readers is left as is.
 */
export function normaliseUrlForIdentity(link: string): string | null {
  let url: URL;
  try {
    url = new URL(link.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  const host = url.hostname.replace(/\.$/, '');
  const port = url.port && url.port !== '80' && url.port !== '443' ? `:${url.port}` : '';
  let path = normaliseEscapes(url.pathname);
  if (path.length > 1 && path.endsWith('/')) path = path.replace(/\/+$/, '') || '/';
  const query = normaliseQuery(url.search.slice(1));
  const fragment = url.hash.startsWith('#!') ? normaliseEscapes(url.hash) : '';
  return `https://${host}${port}${path}${query ? `?${query}` : ''}${fragment}`;
}

/**
 * An item's identity within its source: its GUID (normalised like a link when it is one),
 * else its normalised link, else a hash of its title and text. The same item is then
 * stored once however its feed decorates the link, and a changed item keeps its identity.
 */
export function itemIdentity(
  item: Pick<ParsedItem, 'guid' | 'link' | 'title' | 'summary' | 'content'>,
): string {
  const guid = item.guid?.trim();
  if (guid) return `guid:${(/^https?:\/\//i.test(guid) && normaliseUrlForIdentity(guid)) || guid}`;
  const link = item.link?.trim();
  if (link) return `link:${normaliseUrlForIdentity(link) ?? link}`;
  const hash = createHash('sha256')
    .update(`${item.title ?? ''}\n${item.summary ?? ''}\n${item.content ?? ''}`)
    .digest('hex');
  return `hash:${hash}`;
}

function normaliseQuery(search: string): string {
  if (!search) return '';
  const kept: string[] = [];
  for (const pair of search.split('&')) {
    if (!pair) continue;
    const normalised = normaliseEscapes(pair);
    const name = safeDecode(normalised.split('=', 1)[0] as string).toLowerCase();
    if (TRACKING_PARAMETERS.has(name) || TRACKING_PREFIXES.some((prefix) => name.startsWith(prefix)))
      continue;
    kept.push(normalised);
  }
  // Publishers and trackers reorder parameters freely; the order never selects another article.
  return kept.sort().join('&');
}

/** Decodes escapes of unreserved characters and upper-cases the hex digits of the others. */
function normaliseEscapes(text: string): string {
  return text.replace(UNRESERVED, (escape: string, hex: string) => {
    const char = String.fromCharCode(parseInt(hex, 16));
    return /[A-Za-z0-9\-._~]/.test(char) ? char : escape.toUpperCase();
  });
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}
