import type { ArticleExtraction } from '../../domain/extraction.js';
import type { Clock } from '../../platform/clock.js';
import { asNewsdeskError } from '../../platform/errors.js';
import type { Logger } from '../../platform/logger.js';
import { chooseBetterText } from '../extract/choose-better-text.js';
import { boilerplateForNextPage, paragraphFingerprint } from '../extract/content/boilerplate.js';
import { ArticleTextRefused } from '../extract/text-refused.js';
import type { ExtractedArticle, ExtractInput } from '../extract/types.js';

/** How many of a source's latest pages its boilerplate is learned from. */
export const BOILERPLATE_WINDOW_PAGES = 20;

/** The parts extraction needs, passed in by the composition root. */
export interface ExtractionDependencies {
  pages: { get(articleId: number): Promise<{ status: string; body: Buffer | null; finalUrl: string | null; url: string; contentType: string | null } | null> };
  articles: { get(articleId: number): Promise<{ id: number; sourceId: number; content: string | null; summary: string | null }> };
  extractions: {
    save(extraction: ArticleExtraction, sourceId: number, fingerprints: readonly string[]): Promise<void>;
    recentFingerprints(sourceId: number, pages: number): Promise<string[][]>;
  };
  /** Extracts the article, with the page's text before the source's boilerplate was taken out. */
  extract(input: ExtractInput): { article: ExtractedArticle; pageText: string };
  clock: Clock;
  logger: Logger;
}

export type ExtractionOutcome = { status: 'extracted'; chosen: 'page' | 'feed'; chars: number } | { status: 'failed'; code: string } | { status: 'skipped'; reason: string };

/**
 * Extracts one fetched article page, top to bottom: load the page → learn the source's
 * repeated paragraphs from its latest pages → extract without them → keep the better of the page's text
 * and the feed's own → store the result with the page's paragraph fingerprints. A page the
 * extractor refuses (not HTML, empty, too large) is stored as a failure with its code, and with
 * the page's metadata when the page was read; the feed's own text stays what the article shows. Running it again replaces the result.
 */
export async function extractArticlePage(articleId: number, deps: ExtractionDependencies): Promise<ExtractionOutcome> {
  const page = await deps.pages.get(articleId);
  if (!page || page.status !== 'fetched' || !page.body) return { status: 'skipped', reason: `no fetched page (${page?.status ?? 'none'})` };
  const article = await deps.articles.get(articleId);
  const log = deps.logger.child({ article_id: articleId, source_id: article.sourceId });
  const now = deps.clock.now();
  const input: ExtractInput = {
    html: page.body,
    url: page.finalUrl ?? page.url,
    ...(page.contentType ? { contentType: page.contentType } : {}),
    now: new Date(now),
  };
  try {
    // One extraction: the boilerplate this page would confirm is known from the source's latest
    // pages beforehand. The fingerprints stored are of the page as it is, so that boilerplate
    // can be unlearned when a source changes its template; the shown text is without it.
    const learned = boilerplateForNextPage(await deps.extractions.recentFingerprints(article.sourceId, BOILERPLATE_WINDOW_PAGES));
    const { article: extracted, pageText } = deps.extract(learned.size ? { ...input, boilerplate: { paragraphs: learned } } : input);
    const fingerprints = [...new Set(paragraphsOf(pageText).map(paragraphFingerprint))];
    const chosen = chooseBetterText(article.content ?? article.summary, extracted);
    const fromFeed = chosen?.from === 'feed';
    await deps.extractions.save(
      {
        articleId,
        status: 'extracted',
        chosen: fromFeed ? 'feed' : 'page',
        title: extracted.title,
        byline: extracted.byline,
        published: extracted.published,
        modified: extracted.modified,
        lang: extracted.lang,
        dir: extracted.dir,
        siteName: extracted.siteName,
        canonicalUrl: extracted.canonicalUrl,
        image: extracted.image,
        description: extracted.description,
        text: chosen?.text ?? extracted.text,
        html: fromFeed ? '' : extracted.html,
        credits: extracted.credits,
        extractedAt: now,
      },
      article.sourceId,
      fingerprints,
    );
    log.info({ event: 'page_extracted', chosen: fromFeed ? 'feed' : 'page', chars: extracted.text.length, boilerplate_paragraphs: learned.size });
    return { status: 'extracted', chosen: fromFeed ? 'feed' : 'page', chars: (chosen?.text ?? extracted.text).length };
  } catch (error) {
    const e = asNewsdeskError(error);
    // A paywall or cookie wall still states the page's title, date and image: they are kept.
    const metadata = error instanceof ArticleTextRefused ? error.page : null;
    await deps.extractions.save({ articleId, status: 'failed', errorCode: e.code, errorMessage: e.message, metadata, extractedAt: now }, article.sourceId, []);
    log.warn({ event: 'page_extraction_failed', error_code: e.code });
    return { status: 'failed', code: e.code };
  }
}

function paragraphsOf(text: string): string[] {
  return text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
}
