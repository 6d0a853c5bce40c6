import type { PageMetadata } from '../../domain/extraction.js';

/** A source the page names as where its content first appeared. */
export interface Credit {
  /** How the page said it: a "Source:" line, a wire dateline, a canonical link to another site... */
  kind: 'canonical' | 'og-url' | 'originally-published' | 'source-line' | 'wire-dateline';
  /** The name as written on the page ("Reuters", "eg24.news"), when there is one. */
  name: string | null;
  /** An absolute URL, when the page gives one. */
  url: string | null;
}

/**
 * Paragraphs a source repeats across its articles (a closing template, a subscription call),
 * learned elsewhere from several pages of the same source, passed in by fingerprint.
 */
export interface BoilerplateFingerprints {
  /** Fingerprints from `paragraphFingerprint`, of paragraphs to remove from the text. */
  paragraphs: ReadonlySet<string> | readonly string[];
}

export interface ExtractInput {
  html: Uint8Array | string;
  /** The page's own address: resolves relative links and supplies a date from its path. */
  url?: string;
  /** The HTTP Content-Type header, for its charset and to refuse what is not HTML. */
  contentType?: string;
  boilerplate?: BoilerplateFingerprints;
  /** The current time, for the sanity check that no publication date lies in the future. */
  now?: Date;
  limits?: Partial<ExtractLimits>;
}

export interface ExtractLimits {
  /** Largest document accepted, in bytes, after scripts and styles are dropped. */
  maxBytes: number;
  /** Deepest element nesting walked; deeper documents are refused rather than risk the stack. */
  maxDepth: number;
  /** Time budget in milliseconds, checked between stages. */
  timeMs: number;
}

/** The article as `newsdesk extract` prints it, plus description and credits. */
export interface ExtractedArticle extends PageMetadata {
  /** Plain text; paragraphs, headings and list items separated by blank lines. */
  text: string;
  /** The article body as sanitised HTML with absolute URLs. */
  html: string;
  credits: Credit[];
}
