import { collapse } from './read-title.js';
import { firstMeta, type MetaTags } from './meta-tags.js';
import type { PageIndex } from './page-index.js';
import { classAndId } from '../input/dom.js';

const AUTHOR_META = ['author', 'article:author_name', 'parsely-author', 'sailthru.author', 'dc.creator', 'dcterms.creator', 'byl', 'citation_author', 'twitter:creator:name', 'article:author'];
const NOT_A_NAME = /^https?:|^@|facebook\.com/;
const BYLINE_CUE = /(^|[\s_-])(byline|by-?line|author|authors|author-?name|autor|auteur|writer|creator)([\s_-]|$)/;

/** The author as the page names them: JSON-LD, then `<meta>`, then marked-up bylines in the page. */
export function readByline(page: PageIndex, meta: MetaTags, jsonLdAuthors: string[], organisation: string | null): string | null {
  // Sites name themselves as the author when no person signed the piece; that is no byline.
  // Profile addresses and handles are not names.
  const people = jsonLdAuthors.filter((a) => !NOT_A_NAME.test(a) && (!organisation || a.toLowerCase() !== organisation.toLowerCase()));
  if (people.length) return cleanByline(people.join(', '));
  const stated = firstMeta(meta, AUTHOR_META);
  if (stated && !NOT_A_NAME.test(stated) && stated.toLowerCase() !== organisation?.toLowerCase()) return cleanByline(stated);
  const marked = page.markedAuthor;
  const markedText = marked ? collapse(marked.getAttribute('content') ?? marked.textContent ?? '') : '';
  if (markedText && markedText.length < 100) return cleanByline(markedText);
  for (const el of page.named.slice(0, 3000)) {
    if (!BYLINE_CUE.test(classAndId(el))) continue;
    const text = collapse(el.textContent ?? '');
    if (text.length > 2 && text.length < 100) return cleanByline(text);
  }
  return null;
}

const MONTH_NAMES = 'jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|januar|februar|märz|mai|juni|juli|oktober|dezember';
const TRAILING_DATE = new RegExp(`\\s*(\\||,|-|–|on|am|le|el)?\\s*((${MONTH_NAMES})[a-z]*\\.?\\s+\\d{1,2},?\\s+\\d{4}|\\d{1,2}\\.?\\s*(${MONTH_NAMES})[a-zä]*\\.?\\s+\\d{4}|\\d{1,2}[./]\\d{1,2}[./]\\d{2,4}|\\d{4}[-年/]).*$`, 'i');

function cleanByline(text: string): string | null {
  let collapsed = collapse(text);
  // "January 17, 2017 at 6:08 PM ET by Kori Schulman": the name follows the last "by".
  const afterBy = /^.*\bby\s+(?=\S)/i.exec(collapsed);
  if (afterBy && /\d/.test(afterBy[0])) collapsed = collapsed.slice(afterBy[0].length);
  const cleaned = collapsed
    .replace(/^(by|von|par|por|di|door|av|de)\s*:?\s+/i, '')
    // "ByJane Doe", "vonFred Hüning": the word and the name were separate elements. Only before a
    // capital, matched case-sensitively (read case-insensitively, any letter is a capital and
    // "Devindra" lost its "De"); never "de" or "di", which open names ("Dennis", "Dieter").
    .replace(/^(?:[Bb]y|[Vv]on|[Pp]ar|[Pp]or|[Dd]oor)(?=\p{Lu})/u, '')
    .replace(TRAILING_DATE, '')
    .replace(/\s*[|,]\s*$/, '')
    .trim();
  return cleaned === '' ? null : cleaned;
}
