/**
 * robots.txt parsing and matching after RFC 9309, with the leniencies of Google's reference
 * parser that publishers rely on in practice: a missing colon, common misspellings of the
 * keys, a user-agent value read up to its first space, `Allow: /dir/index.html` also allowing
 * `/dir/`. Matching: the groups naming our product token (case-insensitively) are merged; only
 * when none names it do the `*` groups apply; the longest matching rule wins and `Allow` wins
 * a tie. Pure: text in, decisions out.
 */
export interface RobotsRules {
  /** True when `userAgent` (a product token such as `Newsdesk`) may fetch `url`. */
  isAllowed(url: string, userAgent: string): boolean;
}

interface Rule {
  allow: boolean;
  pattern: string;
}

interface Group {
  agents: string[];
  rules: Rule[];
}

/** RFC 9309 asks crawlers to read at least 500 KiB; anything past that is ignored. */
export const ROBOTS_MAX_BYTES = 500 * 1024;

/** Longer lines are cut here, as Google's parser does (2083 × 8 − 1, from the longest URL browsers accept). */
const MAX_LINE_CHARS = 16_663;

const USER_AGENT_KEYS = new Set(['user-agent', 'useragent', 'user agent']);
const DISALLOW_KEYS = new Set(['disallow', 'dissallow', 'dissalow', 'disalow', 'diasllow', 'disallaw']);
const ALLOW_KEYS = new Set(['allow']);

export function parseRobotsTxt(text: string): RobotsRules {
  const groups: Group[] = [];
  let current: Group | null = null;
  let inRules = false;
  for (const rawLine of text
    .slice(0, ROBOTS_MAX_BYTES)
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)) {
    const line = splitLine(rawLine.slice(0, MAX_LINE_CHARS));
    if (!line) continue;
    if (USER_AGENT_KEYS.has(line.key)) {
      if (!current || inRules) {
        current = { agents: [], rules: [] };
        groups.push(current);
        inRules = false;
      }
      current.agents.push(line.value);
    } else if (ALLOW_KEYS.has(line.key) || DISALLOW_KEYS.has(line.key)) {
      // Rules before any user-agent line belong to no group and are ignored.
      if (!current) continue;
      inRules = true;
      addRule(current.rules, ALLOW_KEYS.has(line.key), line.value);
    }
    // Other keys (sitemap, crawl-delay, host...) neither start nor end a group.
  }
  return { isAllowed: (url, userAgent) => decide(groups, pathParamsQuery(url), userAgent) };
}

function splitLine(raw: string): { key: string; value: string } | null {
  const hash = raw.indexOf('#');
  const line = (hash >= 0 ? raw.slice(0, hash) : raw).trim();
  if (!line) return null;
  const colon = line.indexOf(':');
  if (colon >= 0)
    return { key: line.slice(0, colon).trim().toLowerCase(), value: line.slice(colon + 1).trim() };
  // A missing colon is accepted when the line is exactly a key and one value separated by whitespace.
  const parts = line.split(/\s+/);
  if (parts.length !== 2) return null;
  return { key: parts[0]!.toLowerCase(), value: parts[1]! };
}

function addRule(rules: Rule[], allow: boolean, value: string): void {
  const pattern = escapePattern(value);
  rules.push({ allow, pattern });
  // `Allow: /dir/index.html` also allows the directory itself, as the page usually is its index.
  if (allow) {
    const slash = pattern.lastIndexOf('/');
    if (slash >= 0 && pattern.startsWith('/index.htm', slash))
      rules.push({ allow, pattern: `${pattern.slice(0, slash + 1)}$` });
  }
}

function decide(groups: readonly Group[], path: string, userAgent: string): boolean {
  const specific = groups.filter((g) => g.agents.some((a) => agentMatches(a, userAgent)));
  const chosen = specific.length ? specific : groups.filter((g) => g.agents.some(isGlobalAgent));
  let allow = -1;
  let disallow = -1;
  for (const group of chosen) {
    for (const rule of group.rules) {
      if (!patternMatches(path, rule.pattern)) continue;
      if (rule.allow) allow = Math.max(allow, rule.pattern.length);
      else disallow = Math.max(disallow, rule.pattern.length);
    }
  }
  // An empty pattern matches with length 0 and decides nothing.
  if (allow <= 0 && disallow <= 0) return true;
  return disallow <= allow;
}

function isGlobalAgent(value: string): boolean {
  return value === '*' || /^\*\s/.test(value);
}

/** The robots.txt value is read as a product token (letters, `-`, `_`), compared without case. */
function agentMatches(value: string, userAgent: string): boolean {
  if (isGlobalAgent(value)) return false;
  const token = /^[A-Za-z_-]*/.exec(value)![0];
  return token.length > 0 && token.toLowerCase() === userAgent.toLowerCase();
}

/** The product token a User-Agent header names: `Newsdesk/0.1 (+https://…)` → `Newsdesk`. */
export function userAgentToken(userAgent: string): string {
  return /^[A-Za-z_-]*/.exec(userAgent.trim())![0] || 'Newsdesk';
}

/**
 * The path, parameters and query of a URL as robots.txt rules see it (`/a;b?c`), from the
 * raw text: no decoding, the fragment dropped, `/` when there is no path.
 */
export function pathParamsQuery(url: string): string {
  let start = 0;
  const firstSpecial = url.search(/[/?;]/);
  const scheme = url.indexOf('//');
  if (scheme >= 0 && (firstSpecial < 0 || scheme <= firstSpecial)) {
    const after = url.slice(scheme + 2).search(/[/?;]/);
    start = after < 0 ? url.length : scheme + 2 + after;
  } else if (firstSpecial >= 0) {
    start = firstSpecial;
  } else {
    start = url.length;
  }
  let path = url.slice(start);
  const hash = path.indexOf('#');
  if (hash >= 0) path = path.slice(0, hash);
  if (!path) return '/';
  return path.startsWith('/') ? path : `/${path}`;
}

/** Percent-encodes non-ASCII characters of a rule and upper-cases existing escapes, as URLs carry them. */
export function escapePattern(pattern: string): string {
  let out = '';
  for (const char of pattern) {
    const code = char.codePointAt(0)!;
    out +=
      code < 0x80
        ? char
        : [...Buffer.from(char, 'utf8')]
            .map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`)
            .join('');
  }
  return out.replace(/%([0-9a-fA-F]{2})/g, (_m, hex: string) => `%${hex.toUpperCase()}`);
}

/** `*` matches any run of characters, a final `$` anchors the end; otherwise a prefix match. */
export function patternMatches(path: string, pattern: string): boolean {
  const anchored = pattern.endsWith('$');
  const body = anchored ? pattern.slice(0, -1) : pattern;
  // Positions in `path` reachable after matching a prefix of the pattern, kept sorted and distinct.
  let positions = [0];
  for (const char of body) {
    if (char === '*') {
      positions = range(positions[0]!, path.length);
      continue;
    }
    const next: number[] = [];
    for (const p of positions) if (path[p] === char) next.push(p + 1);
    if (!next.length) return false;
    positions = next;
  }
  return anchored ? positions.includes(path.length) : true;
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i <= to; i++) out.push(i);
  return out;
}

/** Whether a User-Agent is one robots.txt can address: a non-empty product token of letters, `-` and `_` only. */
export function isValidRobotsAgent(userAgent: string): boolean {
  return /^[A-Za-z_-]+$/.test(userAgent);
}
