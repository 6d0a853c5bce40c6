/** What the page's JSON-LD says about its article, from the most article-like node. */
export interface JsonLdFacts {
  headline: string | null;
  authors: string[];
  datePublished: string | null;
  dateModified: string | null;
  image: string | null;
  publisher: string | null;
  description: string | null;
  articleBody: string | null;
  inLanguage: string | null;
  url: string | null;
}

type JsonNode = Record<string, unknown>;

const ARTICLE_TYPES = /^(NewsArticle|Article|BlogPosting|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BackgroundNewsArticle|ReviewNewsArticle|LiveBlogPosting|TechArticle|ScholarlyArticle|Report|SocialMediaPosting|DiscussionForumPosting|Posting)$/;
/** Types that stand for the page only when no article node is there (a video or recipe page). */
const OTHER_CONTENT_TYPES = /^(Blog|Review|Recipe|VideoObject|Event|Product|HowTo)$/;

/** Reads JSON-LD blocks (arrays and `@graph` flattened) and picks the article node. */
export function readJsonLd(blocks: string[]): JsonLdFacts | null {
  const nodes: JsonNode[] = [];
  for (const block of blocks) {
    const parsed = parseLoosely(block);
    if (parsed !== undefined) collect(parsed, nodes, 0);
  }
  const article =
    nodes.find((n) => types(n).some((t) => ARTICLE_TYPES.test(t))) ??
    nodes.find((n) => types(n).some((t) => OTHER_CONTENT_TYPES.test(t))) ??
    nodes.find((n) => types(n).includes('WebPage') && (n.datePublished || n.headline));
  if (!article) return null;
  const publisher = article.publisher ?? nodes.find((n) => types(n).some((t) => t === 'Organization' || t === 'NewsMediaOrganization'));
  return {
    headline: text(article.headline) ?? text(article.name),
    authors: names(article.author ?? article.creator),
    datePublished: text(article.datePublished) ?? text(article.dateCreated) ?? text(article.uploadDate),
    dateModified: text(article.dateModified),
    image: imageUrl(article.image ?? article.thumbnailUrl),
    publisher: names(publisher)[0] ?? null,
    description: text(article.description),
    articleBody: text(article.articleBody) ?? text(article.text),
    inLanguage: text(article.inLanguage),
    url: text(article.url) ?? idOf(article.mainEntityOfPage),
  };
}

function parseLoosely(block: string): unknown {
  const cleaned = block.replace(/^\s*(<!\[CDATA\[|\/\/<!\[CDATA\[)/, '').replace(/(\]\]>|\/\/\]\]>)\s*$/, '').trim();
  try {
    return JSON.parse(cleaned);
  } catch {
    try {
      // Some CMSs write raw line breaks inside strings; JSON forbids them, browsers' consumers tolerate them.
      return JSON.parse(cleaned.replace(/[\r\n\t]+/g, ' '));
    } catch {
      return undefined;
    }
  }
}

function collect(value: unknown, into: JsonNode[], depth: number): void {
  if (depth > 6 || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const v of value) collect(v, into, depth + 1);
    return;
  }
  const node = value as JsonNode;
  into.push(node);
  if (node['@graph']) collect(node['@graph'], into, depth + 1);
  if (node.mainEntity && typeof node.mainEntity === 'object') collect(node.mainEntity, into, depth + 1);
}

function types(node: JsonNode): string[] {
  const t = node['@type'];
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === 'string').map((x) => x.replace(/^.*[/:]/, ''));
}

function text(value: unknown): string | null {
  if (Array.isArray(value)) return text(value[0]);
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

function names(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  const out: string[] = [];
  for (const item of list) {
    const name = typeof item === 'string' ? item : item && typeof item === 'object' ? text((item as JsonNode).name) : null;
    if (name && !/^https?:/.test(name)) out.push(name.trim());
  }
  return out;
}

function imageUrl(value: unknown): string | null {
  if (Array.isArray(value)) return imageUrl(value[0]);
  if (typeof value === 'string') return value.trim() || null;
  if (value && typeof value === 'object') return text((value as JsonNode).url) ?? text((value as JsonNode).contentUrl) ?? idOf(value);
  return null;
}

function idOf(value: unknown): string | null {
  if (typeof value === 'string') return value;
  return value && typeof value === 'object' ? text((value as JsonNode)['@id']) : null;
}
