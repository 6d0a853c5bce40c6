/**
 * Class and id cues, as Readability, trafilatura and DOM Distiller use them: words in
 * class names that say a block is page furniture, or that it holds the article.
 */

/** Blocks that are page furniture wherever they appear, unless they hold most of the text. */
export const FURNITURE =
  /(^|[\s_-])(comments?|comment-?list|commentlist|disqus|respond|reply|replies|share|sharing|sharebar|social|socials|related|relatedposts|recommend\w*|newsletter|subscri(be|ption)|cookie\w*|consent|gdpr|banner|advert\w*|ads?|adv|ad-?slot|sponsor\w*|promo\w*|breadcrumbs?|pagination|pager|sidebar|widget\w*|footer|masthead|menu|navbar|navigation|nav|skip|popup|modal|overlay|tags?|tag-?list|taglist|tagcloud|keywords|topics|author-?(bio|box|info|description|details|profile)|about-?(the-?)?author|print(?![-_](full|only|step|content|version|area|text))|toolbar|ratings?|post-?ratings|sociable|entry-?utility|postmetadata|copyright|cta|related\w*|newsletter\w*|subscri\w+|donat\w+|login|signup|teaser-?list|more-?stories|read-?more|readmore|outbrain|taboola|jp-relatedposts|sharedaddy|hidden|visually-?hidden|sr-only|screen-?reader\w*)([\s_-]|$)/;

/** Short blocks inside the article that carry dates, bylines and captions rather than text. */
export const ARTICLE_META =
  /(^|[\s_-])(byline|by-?line|author|authors|dateline|date|datum|time|timestamp|published|pubdate|posted|post-?meta|entry-?meta|article-?meta|meta|metadata|info|infos|credit|credits|caption|figcaption|source|category|categories|kicker|rubric|section-?name|reading-?time|lesezeit|update|updated)([\s_-]|$)/;

/** Containers named as the article body. */
export const ARTICLE_BODY =
  /(^|[\s_-])(article-?body|articlebody|article-?content|article-?text|articletext|article__body|article__content|entry-?content|entry-?body|post-?content|post-?body|post-?text|postbody|story-?body|story-?content|storycontent|body-?text|bodytext|main-?content|maincontent|content-?body|text-?content|news-?text|news-?body|single-?content|blog-?post|rich-?text|richtext|artikel|beitrag|inhalt|content|article|story|post|entry|text|main|body)([\s_-]|$)/;

/**
 * Tags dropped before anything is measured. Ruby annotations (`<rt>`, `<rp>`) go too: Japanese
 * pages gloss words with their readings, which written into the text would repeat every glossed word.
 */
export const DROPPED_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'canvas', 'iframe', 'object', 'embed', 'math',
  'input', 'select', 'textarea', 'button', 'option', 'nav', 'dialog', 'map', 'link', 'meta', 'head', 'rt', 'rp',
]);

/** A line naming where the text comes from ("Source: Reuters", "Quelle: dpa"), its source in group 1. */
export const SOURCE_LINE = /^\s*(?:source|sources|quelle|quellen|fuente|fonte|bron|källa|źródło|المصدر|מקור|منبع)\s*[:：]\s*(.{2,120})$/i;

/** ARIA roles that name page furniture. */
export const FURNITURE_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'complementary', 'search', 'menu', 'menubar', 'dialog', 'alertdialog', 'tablist']);

/** Elements that start a new paragraph in the plain text. */
export const BLOCK_TAGS = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'blockquote', 'pre', 'ul', 'ol', 'li', 'dl', 'dt', 'dd',
  'table', 'thead', 'tbody', 'tfoot', 'tr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'figure', 'figcaption', 'address', 'hr',
  'form', 'fieldset', 'details', 'summary', 'center', 'body', 'html', 'caption', 'nav',
]);

/**
 * Whether class and id cues name the article's body. A word that also names furniture
 * ("related_post", "comment-content", "widget_text") names the furniture.
 */
export function namesArticleBody(cues: string): boolean {
  for (const word of cues.split(' ')) if (word && ARTICLE_BODY.test(word) && !FURNITURE.test(word)) return true;
  return false;
}
