import { normaliseText } from '../text/normalise.js';

/** A statement in an article's text naming where its content came from. */
export interface Credit {
  /** What is credited, lower-cased: a web host ("eg24.news") or a wire agency's canonical name ("spa"). */
  name: string;
  /** The words that said so, for showing as evidence. */
  phrase: string;
}

/** Wire agencies and the names articles credit them by (normalised forms). */
const AGENCIES: Record<string, string[]> = {
  spa: ['spa', 'saudi press agency', 'واس', 'وكاله الانباء السعوديه'],
  reuters: ['reuters', 'رويترز'],
  afp: ['afp', 'agence france-presse', 'فرانس برس', 'ا ف ب'],
  ap: ['ap', 'associated press', 'اسوشيتد برس'],
  bloomberg: ['bloomberg', 'بلومبرغ'],
  wam: ['wam', 'وام'],
  mena: ['mena', 'ا ش ا'],
};

/**
 * Per agency, one pattern for a credit in brackets, "(واس)", as a dateline, "الرياض - واس", or
 * closing a first line that gives a date ("بريدة 25 شوال 1436 هـ الموافق 10 أغسطس 2015 م واس"),
 * as the Saudi Press Agency heads its stories.
 */
const AGENCY_PATTERNS: [string, RegExp][] = Object.entries(AGENCIES).map(([agency, aliases]) => {
  const names = aliases.map((alias) => alias.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  return [
    agency,
    new RegExp(
      String.raw`\(\s*(?:${names})\s*\)|(?:^|\n|\s[-–—]\s*)(?:${names})(?=\s*(?:[-–—:)]|\n|$))|^[^\n]{0,120}?\d[^\n]{0,60}?\s(?:${names})(?=\s*(?:\n|$))|(?:لـ|ل|according to )\s*["“”«]\s*(?:${names})\s*["“”»]`,
      'u',
    ),
  ];
});

/** Per agency, its names as whole words anywhere (for bylines). */
const AGENCY_WORDS: [string, RegExp][] = Object.entries(AGENCIES).map(([agency, aliases]) => {
  const names = aliases.map((alias) => alias.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  return [agency, new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${names})(?![\p{L}\p{N}])`, 'u')];
});

const HOST = String.raw`((?:[a-z0-9-]+\.)+[a-z]{2,})`;
const PLACE_CREDITS = [
  new RegExp(String.raw`originally (?:published|appeared|posted) (?:at|on|in|by) ${HOST}`, 'g'),
  new RegExp(String.raw`(?:published|available|read (?:it|more)) (?:at|on) ${HOST}`, 'g'),
  new RegExp(String.raw`(?:source|via|المصدر)\s*:\s*${HOST}`, 'g'),
];

/**
 * Credits found in the text: "originally published at …", "available at eg24.news",
 * "(Reuters) -", a dateline such as "الرياض - واس" or "(واس)". Extraction may pass more
 * (canonical links); this covers what only the body says.
 */
export function findCredits(text: string): Credit[] {
  return creditsIn(text, AGENCY_PATTERNS);
}

/**
 * Credits in a byline ("الرياض - واس", "Reuters staff"): a byline is short and says who
 * supplied the story, so any wire agency named in it is a credit.
 */
export function findBylineCredits(byline: string): Credit[] {
  return creditsIn(byline, AGENCY_WORDS);
}

function creditsIn(text: string, agencyPatterns: [string, RegExp][]): Credit[] {
  // Credits stand in the dateline or at the end: only those parts are read, so cost is bounded.
  const folded = normaliseText(text.length > 2_000 ? text.slice(0, 500) + '\n' + text.slice(-1_500) : text);
  const found = new Map<string, Credit>();
  for (const pattern of PLACE_CREDITS) {
    for (const match of folded.matchAll(pattern)) found.set(match[1]!, { name: match[1]!, phrase: match[0] });
  }
  for (const [agency, pattern] of agencyPatterns) {
    // A plain substring search first: most texts name no agency, and the patterns cost far more.
    if (!AGENCIES[agency]!.some((alias) => folded.includes(alias))) continue;
    const match = pattern.exec(folded);
    if (match && !found.has(agency)) found.set(agency, { name: agency, phrase: match[0].trim() });
  }
  return [...found.values()];
}

/** Web hosts of wire agencies, so an agency's own article is recognised by its address. */
const AGENCY_HOSTS: Record<string, string> = {
  'spa.gov.sa': 'spa',
  'reuters.com': 'reuters',
  'afp.com': 'afp',
  'apnews.com': 'ap',
  'bloomberg.com': 'bloomberg',
  'wam.ae': 'wam',
  'mena.org.eg': 'mena',
};

/** The web host of an address, without "www.", or undefined. */
export function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return undefined;
  }
}

/** The canonical name of the wire agency an address belongs to, if any. */
export function agencyOfUrl(url: string | undefined): string | undefined {
  const host = hostOf(url);
  if (!host) return undefined;
  for (const [agencyHost, agency] of Object.entries(AGENCY_HOSTS))
    if (host === agencyHost || host.endsWith('.' + agencyHost)) return agency;
  return undefined;
}

/** The canonical agency name of a name, when it is a known wire agency. */
export function agencyOf(name: string): string | undefined {
  const folded = normaliseText(name);
  for (const [agency, aliases] of Object.entries(AGENCIES))
    if (agency === folded || aliases.includes(folded)) return agency;
  return undefined;
}
