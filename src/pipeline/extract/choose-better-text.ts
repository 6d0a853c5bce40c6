import { renderParagraphs } from './content/render-text.js';
import { parseDocument } from './input/dom.js';
import type { ExtractedArticle } from './types.js';

/** Which text an article keeps when its feed already carried content. */
export interface ChosenText {
  from: 'feed' | 'page';
  text: string;
}

/**
 * Compares a feed item's own content with the page's extraction and keeps the better: the
 * page when the extraction failed to find more than the feed has (a teaser feed), the feed
 * when the extraction found clearly less (a page that is mostly scripts, or a paywall that
 * feeds its subscribers). Near ties go to the page, whose markup carries headings and lists.
 */
export function chooseBetterText(feedContent: string | null, extracted: ExtractedArticle | null): ChosenText | null {
  const feedText = feedContent ? renderParagraphs([parseDocument(`<html><body>${feedContent}</body></html>`).body!]).join('\n\n') : '';
  const pageText = extracted?.text ?? '';
  if (!feedText && !pageText) return null;
  if (!pageText) return { from: 'feed', text: feedText };
  if (!feedText) return { from: 'page', text: pageText };
  const feedWords = wordCount(feedText);
  const pageWords = wordCount(pageText);
  // A page that holds less than three quarters of the feed's words lost part of the article.
  if (pageWords < feedWords * 0.75) return { from: 'feed', text: feedText };
  // A page far longer than a full feed text and sharing little of it picked up other text.
  if (feedWords >= 150 && pageWords > feedWords * 2.5 && sharedShare(feedText, pageText) < 0.5) return { from: 'feed', text: feedText };
  return { from: 'page', text: pageText };
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** The share of the feed's word pairs found in the page. */
function sharedShare(feed: string, page: string): number {
  const pairs = (text: string) => {
    const words = text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    return new Set(words.slice(1).map((w, i) => `${words[i]} ${w}`));
  };
  const feedPairs = pairs(feed);
  const pagePairs = pairs(page);
  let shared = 0;
  for (const pair of feedPairs) if (pagePairs.has(pair)) shared++;
  return shared / Math.max(1, feedPairs.size);
}
