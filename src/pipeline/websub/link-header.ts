/** One link of an HTTP `Link` header (RFC 8288): its absolute target and its relation types. */
export interface HeaderLink {
  url: string;
  rels: string[];
}

/**
 * Reads HTTP `Link` headers (RFC 8288 §3): `<URL>; rel="hub", <URL>; rel="self other"`.
 * Several headers, several links per header, quoted or bare parameters and commas inside
 * quoted values are all handled; targets are resolved against `base`. Links whose target
 * is not a valid URL, or that carry no `rel`, are dropped: a header is hostile input.
 */
export function parseLinkHeader(header: string | string[] | undefined, base: string): HeaderLink[] {
  const values = Array.isArray(header) ? header : header ? [header] : [];
  const links: HeaderLink[] = [];
  for (const value of values) {
    let rest = value;
    for (;;) {
      const start = rest.indexOf('<');
      if (start < 0) break;
      const end = rest.indexOf('>', start);
      if (end < 0) break;
      const target = rest.slice(start + 1, end).trim();
      const { params, remainder } = readParams(rest.slice(end + 1));
      rest = remainder;
      const rel = params.get('rel');
      const url = resolve(target, base);
      if (!rel || !url) continue;
      links.push({ url, rels: rel.toLowerCase().split(/\s+/).filter(Boolean) });
    }
  }
  return links;
}

/** The parameters after a link's target, up to the comma that starts the next link. */
function readParams(text: string): { params: Map<string, string>; remainder: string } {
  const params = new Map<string, string>();
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === ',') return { params, remainder: text.slice(i + 1) };
    if (ch !== ';') {
      i++;
      continue;
    }
    const match = /^;\s*([A-Za-z0-9!#$&+.^_`|~*-]+)\s*(?:=\s*("(?:[^"\\]|\\.)*"|[^;,\s]*))?\s*/.exec(text.slice(i));
    if (!match) {
      i++;
      continue;
    }
    const name = match[1]!.toLowerCase();
    const raw = match[2] ?? '';
    const value = raw.startsWith('"') ? raw.slice(1, -1).replace(/\\(.)/g, '$1') : raw;
    // RFC 8288 §3: only the first occurrence of a parameter counts.
    if (!params.has(name)) params.set(name, value);
    i += match[0].length;
  }
  return { params, remainder: '' };
}

function resolve(target: string, base: string): string | null {
  try {
    const url = new URL(target, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
