/** An article as stored: one item of one source, kept once however often it is seen. */
export interface Article {
  id: number;
  sourceId: number;
  itemKey: string;
  url: string | null;
  title: string;
  summary: string | null;
  content: string | null;
  author: string | null;
  publishedAt: number;
  firstSeenAt: number;
  /**
   * The source's previous successful check before the one that found the article (the moment
   * of a push for pushed items): it appeared between then and `firstSeenAt`. Null or absent
   * when unknown, as on a source's first check, whose items may be of any age.
   */
  seenSince?: number | null;
  lang: string | null;
}

/** An article about to be stored; the store assigns the id. */
export type NewArticle = Omit<Article, 'id'>;

/** An article with its source's name, as lists and pages show it. */
export interface ArticleListing {
  id: number;
  title: string;
  url: string | null;
  publishedAt: number;
  sourceId: number;
  sourceTitle: string | null;
  sourceUrl: string;
  /** The source came from the bundled sample, and is labelled so. */
  sourceIsSample: boolean;
}
