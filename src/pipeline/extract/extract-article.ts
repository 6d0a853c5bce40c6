import { decodeHTML } from 'entities';
import { NewsdeskError } from '../../platform/errors.js';
import { paragraphFingerprint, removeBoilerplate } from './content/boilerplate.js';
import { cleanArticle } from './content/clean-article.js';
import { cutRelated } from './content/cut-related.js';
import { findMainContent } from './content/find-main-content.js';
import { measureTree } from './content/measure-blocks.js';
import { prunePage } from './content/prune-page.js';
import { renderParagraphs, visibleCharacters } from './content/render-text.js';
import { decodeHtml } from './input/decode-html.js';
import { closeHeadAtContent, maxDepth, pageRoot, parseDocument, type DomElement } from './input/dom.js';
import { prepareHtml, refuseBinary } from './input/prepare-html.js';
import { detectLanguage } from './metadata/detect-language.js';
import { readMetadata } from './metadata/read-metadata.js';
import { resolveAddresses } from './output/absolute-urls.js';
import { findCredits } from './output/find-credits.js';
import { sanitizeArticleHtml } from './output/sanitize-article-html.js';
import { ArticleTextRefused } from './text-refused.js';
import type { PageMetadata } from '../../domain/extraction.js';
import type { ExtractedArticle, ExtractInput, ExtractLimits } from './types.js';

export const defaultExtractLimits: ExtractLimits = { maxBytes: 8_000_000, maxDepth: 1200, timeMs: 8000 };

/** Below this many characters the first pass is taken to have missed the article. */
const TOO_LITTLE = 250;
const WALL = /subscri|abonn|paywall|sign in|log in|anmelden|cookie|consent|javascript|enable|premium|register/i;

/**
 * Extracts the article of one HTML page: metadata first (from the whole page), then the main
 * text (prune furniture, pick the best-scoring subtree, clean it), credits, then sanitised HTML.
 * Pure: bytes in, article out. Throws `NewsdeskError` with an `EXTRACT_*` code when there is no article
 * (`ArticleTextRefused`, with the page's metadata, when the page was read but holds no article text).
 */
export function extractArticle(input: ExtractInput): ExtractedArticle {
  return extractArticleAndPageText(input).article;
}

/**
 * The same, with the page's text as it was before the source's boilerplate was taken out: what
 * the source's boilerplate is learned from, read in the same extraction.
 */
export function extractArticleAndPageText(input: ExtractInput): { article: ExtractedArticle; pageText: string } {
  const limits = { ...defaultExtractLimits, ...input.limits };
  const deadline = Date.now() + limits.timeMs;
  const checkTime = (stage: string) => {
    if (Date.now() > deadline) throw new NewsdeskError('EXTRACT_TOO_COMPLEX', `Extraction took longer than ${limits.timeMs} ms (at ${stage}).`);
  };
  refuseBinary(input.html);
  const prepared = prepareHtml(decodeHtml(input.html, input.contentType), input.contentType, limits.maxBytes, limits.maxDepth);
  const document = parseDocument(prepared.html);
  closeHeadAtContent(document);
  checkTime('parsing');
  const body = pageRoot(document);
  if (!body || maxDepth(body, limits.maxDepth) > limits.maxDepth) {
    throw new NewsdeskError('EXTRACT_TOO_COMPLEX', `The page nests elements more than ${limits.maxDepth} deep.`);
  }
  const metadata = readMetadata(document, prepared.jsonLd, input.url, input.now ?? new Date());
  checkTime('metadata');
  prunePage(body);
  const measures = measureTree(body);
  let roots = findMainContent(body, measures, metadata.description);
  cleanArticle(roots, measures);
  const trimmedTail = cutRelated(roots);
  let paragraphs = renderParagraphs(roots);
  checkTime('main text');
  let fromJsonLd = false;
  const articleBody = metadata.jsonLd?.articleBody ? jsonLdParagraphs(metadata.jsonLd.articleBody) : [];
  if (length(paragraphs) < TOO_LITTLE) {
    // The first pass found too little: fall back to the whole page without its link blocks.
    cleanArticle([body], measures);
    const wider = renderParagraphs([body]);
    if (length(wider) > length(paragraphs) * 1.5) {
      roots = [body];
      // The whole page is the article now: what follows its text (comments, related links) goes as it would have.
      trimmedTail.splice(0, trimmedTail.length, ...cutRelated(roots));
    }
    paragraphs = renderParagraphs(roots);
  }
  if (length(articleBody) > Math.max(TOO_LITTLE, length(paragraphs) * 1.3)) {
    paragraphs = articleBody;
    fromJsonLd = true;
  }
  const credits = findCredits([...paragraphs, ...trimmedTail], input.url, metadata.canonicalUrl, metadata.ogUrl);
  const fingerprints = new Set(input.boilerplate?.paragraphs ?? []);
  const kept = removeBoilerplate(paragraphs, fingerprints);
  if (kept.length < paragraphs.length) {
    for (const p of paragraphs) if (!kept.includes(p)) credits.push(...findCredits([p], input.url, null, null));
    if (!fromJsonLd) removeBoilerplateElements(roots, fingerprints);
  }
  const text = kept.join('\n\n');
  const { lang, dir } = detectLanguage(metadata.declaredLang, metadata.declaredDir ?? articleDir(roots), text);
  const page: PageMetadata = {
    title: metadata.title,
    byline: metadata.byline,
    published: metadata.published?.iso ?? null,
    modified: metadata.modified?.iso ?? null,
    lang,
    dir,
    siteName: metadata.siteName,
    canonicalUrl: metadata.canonicalUrl,
    image: metadata.image,
    description: metadata.description,
  };
  if (text.length === 0 || (text.length < 300 && WALL.test(text) && !/[.!?]\s.*[.!?]\s.*[.!?]/.test(text))) {
    throw new ArticleTextRefused(text ? 'The page holds only a paywall, cookie or sign-in notice.' : 'The page has no article text.', page);
  }
  resolveAddresses(roots, metadata.baseUrl);
  const html = fromJsonLd ? kept.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n') : sanitizeArticleHtml(roots.map((r) => (r === body ? r.innerHTML : r.outerHTML)).join('\n'));
  const article: ExtractedArticle = {
    ...page,
    image: page.image ?? firstImage(roots, metadata.baseUrl),
    text,
    html,
    credits: dedupeCredits(credits),
  };
  return { article, pageText: paragraphs.join('\n\n') };
}

function length(paragraphs: string[]): number {
  let total = 0;
  for (const p of paragraphs) total += p.length;
  return total;
}

/**
 * The paragraphs of a JSON-LD `articleBody`. Publishers put plain text there, or HTML, or HTML
 * escaped once more (`&lt;p&gt;`), and some leave their ad scripts' code in it.
 */
function jsonLdParagraphs(articleBody: string): string[] {
  const markup = ESCAPED_MARKUP.test(articleBody) ? decodeHTML(articleBody) : articleBody;
  return markup
    .replace(/<(script|style)\b[^]*?<\/\1\s*>/gi, '')
    .replace(/<\/(p|div|h\d|li)>|<br\s*\/?>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .split(/\n+/)
    .map((p) => visibleCharacters(decodeHTML(p)).replace(/\s+/g, ' ').trim())
    .filter((p) => p !== '' && !SCRIPT_LINE.test(p));
}

const ESCAPED_MARKUP = /&lt;\/?(p|div|br|h\d|li|span|a|strong|em)\b/i;
/** A line of an ad script left in the text: `googletag.cmd.push(function() { … });`, `if (document.cookie …) {`, `}`. */
const SCRIPT_LINE = /^(\}|\{|if ?\(.*\) ?\{$|(var|let|const) \w+ ?=|function ?\(|(googletag|document|window)\.\w+)|\}\);?$/;

function removeBoilerplateElements(roots: DomElement[], fingerprints: ReadonlySet<string>): void {
  for (const root of roots) {
    for (const el of Array.from(root.querySelectorAll('p, li, blockquote, div, h2, h3, h4, h5, h6'))) {
      if (el.querySelector('p, div, li, blockquote')) continue;
      if (fingerprints.has(paragraphFingerprint((el.textContent ?? '').replace(/\s+/g, ' ').trim()))) el.remove();
    }
  }
}

function articleDir(roots: DomElement[]): string | null {
  for (let el: DomElement | null = roots[0] ?? null; el; el = el.parentNode) {
    const dir = el.getAttribute?.('dir');
    if (dir) return dir;
  }
  return null;
}

function firstImage(roots: DomElement[], base: string | undefined): string | null {
  for (const root of roots) {
    const src = root.querySelector('img[src]')?.getAttribute('src');
    if (src && !src.startsWith('data:')) {
      try {
        return new URL(src, base).href;
      } catch {
        continue;
      }
    }
  }
  return null;
}

function dedupeCredits(credits: ExtractedArticle['credits']): ExtractedArticle['credits'] {
  return credits.filter((c, i) => credits.findIndex((d) => d.kind === c.kind && d.name === c.name && d.url === c.url) === i);
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
