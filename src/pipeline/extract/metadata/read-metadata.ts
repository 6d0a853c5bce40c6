import { findDates } from './find-dates.js';
import { readJsonLd, type JsonLdFacts } from './json-ld.js';
import { firstMeta, readMetaTags } from './meta-tags.js';
import { indexPage } from './page-index.js';
import { readByline } from './read-byline.js';
import { collapse, readTitle } from './read-title.js';
import { readingForLanguage, type PageDate } from './parse-date.js';
import { absoluteUrl } from '../output/absolute-urls.js';
import type { DomDocument } from '../input/dom.js';

/** Everything about the page that is not its text, read before the page is pruned. */
export interface PageMetadata {
  title: string | null;
  byline: string | null;
  published: PageDate | null;
  modified: PageDate | null;
  declaredLang: string | null;
  declaredDir: string | null;
  siteName: string | null;
  canonicalUrl: string | null;
  ogUrl: string | null;
  image: string | null;
  description: string | null;
  jsonLd: JsonLdFacts | null;
  /** The address relative links resolve against: `<base href>` over the page's URL. */
  baseUrl: string | undefined;
}

export function readMetadata(document: DomDocument, jsonLdBlocks: string[], url: string | undefined, now: Date): PageMetadata {
  const page = indexPage(document);
  const meta = readMetaTags(page.metas);
  const jsonLd = readJsonLd(jsonLdBlocks);
  const baseHref = page.base?.getAttribute('href');
  const baseUrl = (baseHref && absoluteUrl(baseHref, url)) || url;
  const abs = (value: string | null | undefined) => (value ? absoluteUrl(value, baseUrl) : null);
  const siteName = firstMeta(meta, ['og:site_name', 'application-name', 'al:android:app_name']) ?? jsonLd?.publisher ?? null;
  const html = document.documentElement;
  const declaredLang = html?.getAttribute('lang') || html?.getAttribute('xml:lang') || firstMeta(meta, ['content-language', 'dc.language', 'language']) || jsonLd?.inLanguage || localeToLang(firstMeta(meta, ['og:locale']));
  const dates = findDates(document, page, meta, jsonLd, url, now, readingForLanguage(declaredLang));
  return {
    title: readTitle(
      page.headings,
      [firstMeta(meta, ['og:title']), jsonLd?.headline ?? null, firstMeta(meta, ['twitter:title', 'dc.title', 'dc:title', 'dcterms.title', 'parsely-title', 'title', 'headline']), page.title?.textContent ?? null],
      siteName,
    ),
    byline: readByline(page, meta, jsonLd?.authors ?? [], siteName ?? jsonLd?.publisher ?? null),
    published: dates.published,
    modified: dates.modified,
    declaredLang,
    declaredDir: html?.getAttribute('dir') || document.body?.getAttribute('dir') || null,
    siteName: siteName ? collapse(siteName) : null,
    canonicalUrl: abs(page.canonical?.getAttribute('href')) ?? abs(firstMeta(meta, ['og:url'])) ?? abs(jsonLd?.url),
    ogUrl: abs(firstMeta(meta, ['og:url'])),
    image: abs(firstMeta(meta, ['og:image', 'og:image:url', 'og:image:secure_url', 'twitter:image', 'twitter:image:src']) ?? jsonLd?.image ?? page.imageSrc?.getAttribute('href')),
    description: collapseOrNull(firstMeta(meta, ['og:description', 'description', 'twitter:description', 'dc.description']) ?? jsonLd?.description),
    jsonLd,
    baseUrl,
  };
}

function localeToLang(locale: string | null): string | null {
  return locale ? locale.replace('_', '-') : null;
}

function collapseOrNull(text: string | null | undefined): string | null {
  const c = text ? collapse(text) : '';
  return c === '' ? null : c;
}
