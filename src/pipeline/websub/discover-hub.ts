import type { ParsedFeed } from '../../domain/feed.js';
import { parseLinkHeader } from './link-header.js';

/** Where to subscribe: the hubs the publisher names, and the topic URL to subscribe to. */
export interface HubDiscovery {
  hubs: string[];
  topic: string;
}

/**
 * WebSub discovery (W3C WebSub §4): the hub and self links of the HTTP `Link` headers
 * take precedence over the `<atom:link rel="hub">` / `rel="self"` of the document, each
 * relation on its own. Without a self link, the address the feed was fetched from is the
 * topic. Null when no hub is advertised: the source is polled only.
 */
export function discoverHub(input: {
  headers: Record<string, string | string[] | undefined>;
  feed: Pick<ParsedFeed, 'hub' | 'self'>;
  fetchedUrl: string;
}): HubDiscovery | null {
  const links = parseLinkHeader(input.headers['link'], input.fetchedUrl);
  const headerHubs = links.filter((l) => l.rels.includes('hub')).map((l) => l.url);
  const headerSelf = links.find((l) => l.rels.includes('self'))?.url;
  const feedHub = absoluteHttp(input.feed.hub, input.fetchedUrl);
  const hubs = headerHubs.length ? unique(headerHubs) : feedHub ? [feedHub] : [];
  if (hubs.length === 0) return null;
  const topic = headerSelf ?? absoluteHttp(input.feed.self, input.fetchedUrl) ?? input.fetchedUrl;
  return { hubs, topic };
}

function absoluteHttp(value: string | null | undefined, base: string): string | null {
  if (!value) return null;
  try {
    const url = new URL(value, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
