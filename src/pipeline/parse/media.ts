import type { Enclosure } from '../../domain/feed.js';
import { resolveUrl } from './urls.js';
import { child, children, textOf } from './xml-text.js';
import type { XmlElement } from './xml-tree.js';

/** RSS `<enclosure>`, Atom `<link rel="enclosure">` and Media RSS `<media:content>` (also inside `<media:group>`). */
export function readEnclosures(element: XmlElement): Enclosure[] {
  const found: Enclosure[] = [];
  for (const node of element.children) {
    if (typeof node === 'string') continue;
    if (node.key === 'enclosure') {
      pushEnclosure(found, node, node.attrs.url ?? node.attrs.href, node.attrs.type, node.attrs.length);
    } else if (node.key === 'atom:link' && node.attrs.rel?.trim().toLowerCase() === 'enclosure') {
      pushEnclosure(found, node, node.attrs.href, node.attrs.type, node.attrs.length);
    } else if (node.key === 'media:content') {
      pushEnclosure(
        found,
        node,
        node.attrs.url,
        node.attrs.type ?? mediumType(node.attrs.medium),
        node.attrs.filesize ?? node.attrs.fileSize,
      );
    } else if (node.key === 'media:group') {
      for (const content of children(node, 'media:content')) {
        pushEnclosure(
          found,
          content,
          content.attrs.url,
          content.attrs.type ?? mediumType(content.attrs.medium),
          content.attrs.fileSize,
        );
      }
    }
  }
  return found;
}

function pushEnclosure(
  found: Enclosure[],
  node: XmlElement,
  href: string | undefined,
  type: string | undefined,
  length: string | undefined,
): void {
  const url = resolveUrl(href, node.base);
  if (url === null || found.some((e) => e.url === url)) return;
  const size = length === undefined ? NaN : Number(length.trim());
  found.push({
    url,
    type: type?.trim() || null,
    length: Number.isFinite(size) && size > 0 ? Math.round(size) : null,
  });
}

function mediumType(medium: string | undefined): string | undefined {
  return medium === 'image' ? 'image' : undefined;
}

/** Media RSS text (`media:title`, `media:description`) of an item or of its `media:group`. */
export function mediaText(element: XmlElement, key: 'media:title' | 'media:description'): string | null {
  const found = child(element, key) ?? child(child(element, 'media:group') ?? element, key);
  const text = found ? textOf(found).trim() : '';
  return text === '' ? null : text;
}

/** A picture for an item or a feed, from Media RSS, iTunes, or an image enclosure. */
export function readImage(element: XmlElement, enclosures: Enclosure[]): string | null {
  const group = child(element, 'media:group');
  const thumbnail = child(element, 'media:thumbnail') ?? (group && child(group, 'media:thumbnail'));
  const itunes = child(element, 'itunes:image');
  const image = child(element, 'image');
  const imageUrl = image && child(image, 'url');
  return (
    (thumbnail && resolveUrl(thumbnail.attrs.url, thumbnail.base)) ||
    (imageUrl && resolveUrl(textOf(imageUrl), imageUrl.base)) ||
    (image && resolveUrl(image.attrs.href ?? image.attrs['rdf:resource'] ?? textOf(image), image.base)) ||
    (itunes && resolveUrl(itunes.attrs.href ?? itunes.attrs.url ?? textOf(itunes), itunes.base)) ||
    enclosures.find((e) => e.type?.startsWith('image'))?.url ||
    null
  );
}
