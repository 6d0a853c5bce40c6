import { extractArticle } from '../../src/pipeline/extract/extract-article.js';

/** The opening of a made-up council story: the article text of the extraction tests' pages. */
export const councilStory = [
  'The city council agreed the new budget on Tuesday evening after a debate that lasted more than four hours.',
  'Most of the extra money goes to repairing roads and bridges that were damaged by the floods last winter.',
  'The opposition said the plan leaves too little for schools and announced it would propose changes next month.',
  'The mayor said the council had listened to residents and that work on the first bridges would start in spring.',
];

/** Sentences as HTML paragraphs. */
export const asParagraphs = (sentences: readonly string[]): string => sentences.map((s) => `<p>${s}</p>`).join('');

/** A whole page around the given body markup. */
export const newsPage = (body: string): string =>
  `<!doctype html><html lang="en"><head><title>Budget agreed</title></head><body>${body}</body></html>`;

/** The extracted text of a page, as if fetched from the story's address. */
export const extractText = (html: string): string => extractArticle({ html, url: 'https://news.example/city/budget' }).text;
