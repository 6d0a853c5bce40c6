/** A source a page names as where its content first appeared (see pipeline/extract). */
export interface ArticleCredit {
  kind: string;
  name: string | null;
  url: string | null;
}

/** What a page's metadata says of it: kept even when its text is refused. */
export interface PageMetadata {
  title: string | null;
  byline: string | null;
  /** ISO 8601 with the page's own offset, or `YYYY-MM-DD` when the page gives only a day. */
  published: string | null;
  modified: string | null;
  lang: string | null;
  dir: 'ltr' | 'rtl' | null;
  siteName: string | null;
  canonicalUrl: string | null;
  image: string | null;
  description: string | null;
}

/** What extraction made of an article's web page, as stored. */
export type ArticleExtraction =
  | (PageMetadata & {
      articleId: number;
      status: 'extracted';
      /** Which text the article shows: the page's extraction, or the feed's own when it was better. */
      chosen: 'page' | 'feed';
      text: string;
      html: string;
      credits: ArticleCredit[];
      extractedAt: number;
    })
  | {
      articleId: number;
      status: 'failed';
      errorCode: string;
      errorMessage: string;
      /** A page refused for its text (a paywall, a cookie wall) still states its title, date and image. */
      metadata: PageMetadata | null;
      extractedAt: number;
    };
