import { Readability } from '@mozilla/readability';
import { DOMParser } from 'linkedom';
import { decodeHtml } from '../../src/pipeline/extract/input/decode-html.js';

export interface PeerResult {
  title: string | null;
  byline: string | null;
  text: string;
  lang: string | null;
  dir: string | null;
  publishedTime: string | null;
  siteName: string | null;
}

/** Mozilla Readability on linkedom, the peer, given the same bytes and the same charset decoding. */
export function runReadability(bytes: Uint8Array, url: string | undefined): PeerResult | null {
  const html = decodeHtml(bytes);
  // linkedom documents have no URL: a <base href> lets Readability resolve links as in a browser.
  const withBase = url ? html.replace(/<head([^>]*)>/i, `<head$1><base href="${url.replace(/"/g, '&quot;')}">`) : html;
  const document = new DOMParser().parseFromString(withBase, 'text/html');
  try {
    const article = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0]).parse();
    if (!article) return null;
    return {
      title: article.title ?? null,
      byline: article.byline ?? null,
      text: article.textContent ?? '',
      lang: article.lang ?? null,
      dir: article.dir ?? null,
      publishedTime: article.publishedTime ?? null,
      siteName: article.siteName ?? null,
    };
  } catch {
    return null;
  }
}
