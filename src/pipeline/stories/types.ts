import type { ProvenanceScore } from './provenance.js';

/** An article as the story stage sees it: text and the facts the earlier stages found. */
export interface StoryArticle {
  id: string;
  text: string;
  title?: string;
  /** When the publisher says it was published (ISO 8601). */
  published?: string;
  /** When Newsdesk first saw it (ISO 8601); the fallback time when `published` is missing. */
  firstSeen?: string;
  /** The byline as extraction found it: wire credits often stand there ("الرياض - واس"). */
  byline?: string;
  url?: string;
  canonicalUrl?: string;
  lang?: string;
  /** Which source it came from, and how often that source is polled (minutes). */
  source?: string;
  pollIntervalMinutes?: number;
  /** Outgoing links found in the article body. */
  links?: string[];
  /** Names of people, organisations and places found by extraction, if any. */
  entities?: string[];
}

/** Why an article was put where it was. */
export interface StoryEvidence {
  /** Similarity to the story it joined (0 when it opened a new one). */
  similarity: number;
  /** Terms it shares with the story that weighed most. */
  sharedTerms: string[];
  /** Set when the article is a copy of another one. */
  copy?: { of: string; exact: boolean; jaccard: number; containment: number };
  /** Every copy in the group with its score and reasons, best first. */
  provenance?: ProvenanceScore[];
}

/** What the clusterer answers for each article, in arrival order. */
export interface StoryAssignment {
  id: string;
  story: string;
  /** The earlier article this one is a near-duplicate of. */
  duplicateOf?: string;
  /** The article chosen as the original of this article's copy group. */
  original?: string;
  isNewStory: boolean;
  evidence: StoryEvidence;
  /**
   * Earlier articles this article's arrival moved to another story: their story had grown
   * from two events, and the split-off part is now a story of its own.
   */
  moved?: { id: string; story: string }[];
}
