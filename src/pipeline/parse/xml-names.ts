/**
 * Namespace URIs feeds use, mapped to the prefix Newsdesk reads them by. Feeds spell
 * prefixes freely (`<dc:creator>`, `<ns0:creator>`, a default namespace), so elements are
 * matched by namespace URI, not by the prefix written in the document. RSS 1.0 and RSS 0.90
 * elements map to no prefix, so `item` means the same in every RSS version.
 */
const PREFIX_BY_URI = new Map<string, string>([
  ['http://www.w3.org/2005/atom', 'atom'],
  ['http://purl.org/atom/ns#', 'atom'],
  ['http://purl.org/rss/1.0/', ''],
  ['http://my.netscape.com/rdf/simple/0.9/', ''],
  ['http://backend.userland.com/rss2', ''],
  ['http://blogs.law.harvard.edu/tech/rss', ''],
  ['http://www.w3.org/1999/02/22-rdf-syntax-ns#', 'rdf'],
  ['http://purl.org/rss/1.0/modules/content/', 'content'],
  ['http://purl.org/dc/elements/1.1/', 'dc'],
  ['http://purl.org/dc/elements/1.0/', 'dc'],
  ['http://purl.org/dc/terms/', 'dcterms'],
  ['http://search.yahoo.com/mrss/', 'media'],
  ['http://search.yahoo.com/mrss', 'media'],
  ['http://tools.search.yahoo.com/mrss/', 'media'],
  ['http://www.itunes.com/dtds/podcast-1.0.dtd', 'itunes'],
  ['http://www.itunes.com/dtds/podcast-1.0.dtd/', 'itunes'],
  ['http://www.w3.org/1999/xhtml', 'xhtml'],
  ['http://www.w3.org/xml/1998/namespace', 'xml'],
  ['http://purl.org/syndication/thread/1.0', 'thr'],
  ['http://purl.org/rss/1.0/modules/syndication/', 'sy'],
  ['http://wellformedweb.org/commentapi/', 'wfw'],
  ['http://purl.org/rss/1.0/modules/slash/', 'slash'],
  ['http://www.georss.org/georss', 'georss'],
  ['http://feedburner.google.com/feedburner', 'feedburner'],
  ['http://rssnamespace.org/feedburner/ext/1.0', 'feedburner'],
  ['http://www.google.com/schemas/play-podcasts/1.0', 'googleplay'],
  ['https://podcastindex.org/namespace/1.0', 'podcast'],
]);

/** URI of Atom 0.3, told apart from Atom 1.0 only to report the format. */
export const ATOM_03_URI = 'http://purl.org/atom/ns#';

/** The prefix Newsdesk uses for a namespace URI, or undefined when the namespace is unknown. */
export function knownPrefix(uri: string): string | undefined {
  return PREFIX_BY_URI.get(uri) ?? PREFIX_BY_URI.get(uri.toLowerCase());
}
