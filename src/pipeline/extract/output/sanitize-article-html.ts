import sanitizeHtml from 'sanitize-html';

/** Embeds allowed through, by host (video players and the like); none unless configured. */
export interface SanitizeOptions {
  iframeHosts?: readonly string[];
}

const TAGS = [
  'p', 'br', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'blockquote', 'q', 'cite', 'pre', 'code', 'em', 'strong', 'b',
  'i', 'u', 's', 'del', 'ins', 'mark', 'small', 'sub', 'sup', 'abbr', 'a', 'img', 'picture', 'figure', 'figcaption', 'table', 'thead',
  'tbody', 'tfoot', 'tr', 'th', 'td', 'caption', 'hr', 'time',
];

/**
 * The article HTML as Newsdesk stores and shows it: an allowlist of text tags, links and
 * images. No scripts, styles, event handlers, forms or frames; only http(s) and mailto links;
 * `data:` only for images. The article's own headings start at h2 (the page shows the title as h1).
 */
export function sanitizeArticleHtml(html: string, options: SanitizeOptions = {}): string {
  const iframeHosts = options.iframeHosts ?? [];
  return sanitizeHtml(html, {
    allowedTags: iframeHosts.length ? [...TAGS, 'iframe'] : TAGS,
    allowedAttributes: {
      a: ['href', 'title', 'rel'],
      img: ['src', 'srcset', 'alt', 'title', 'width', 'height'],
      td: ['colspan', 'rowspan'],
      th: ['colspan', 'rowspan', 'scope'],
      time: ['datetime'],
      abbr: ['title'],
      iframe: ['src', 'width', 'height', 'allowfullscreen'],
    },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesByTag: { img: ['http', 'https', 'data'] },
    allowProtocolRelative: false,
    allowedIframeHostnames: [...iframeHosts],
    disallowedTagsMode: 'discard',
    nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'template', 'svg', 'math', 'select', 'button'],
    transformTags: {
      h1: 'h2',
      a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer nofollow' }),
    },
    exclusiveFilter: (frame) => frame.tag === 'a' && !frame.attribs.href && !frame.text.trim(),
  })
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
